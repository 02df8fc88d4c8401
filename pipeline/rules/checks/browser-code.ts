// Code that runs in the user's browser: a comparison there happens on the user's own machine, so it is no
// timing oracle for a server's secret (a form checking that two typed passwords match, a client-side CSRF
// cookie check, a settings screen noticing a changed API key). Server code written in the same syntax (a
// Next.js server action, a Remix loader, getServerSideProps) is not browser code.

/** UI component files: JSX/TSX, single-file components. */
const UI_FILE = /\.(tsx|jsx|vue|svelte)$/;
/** Imports of a UI framework or a browser-extension API. */
const UI_IMPORT = /^\s*import\b[^;\n]*["'](react|react-dom(\/\w+)?|preact|vue|svelte|solid-js|@angular\/core|lit|webextension-polyfill)["']/m;
/** Browser globals read as such (`window.location`, `document.cookie`, `localStorage.getItem`). */
const DOM_GLOBAL = /(?<![\w$.])(window|document|localStorage|sessionStorage|navigator)\s*\.\s*[a-zA-Z]/;
/**
 * Markers of code that runs on the server whatever its file looks like. An import of a server module counts as an
 * import statement (at a line's start, its names possibly over several lines) or a `require(..)`: a page that shows a
 * one-line server snippet in a template string (`` `import crypto from 'node:crypto'` `` in a webhook's help text)
 * imports nothing. A snippet whose `import` starts a line of a multi-line template still reads as one.
 */
const SERVER_SIDE = /^\s*["']use server["']|\bgetServerSideProps\b|\bgetStaticProps\b|^\s*export\s+(async\s+)?function\s+(loader|action)\b|\bNextRequest\b|\bNextApiRequest\b|^\s*import\b[^;`]*?\bfrom\s+["'](node:)?(http|https|crypto|fs|net)["']|\brequire\(\s*["'](node:)?(http|https|crypto|fs|net)["']\s*\)/m;

/** Is this code run in the user's browser, by any evidence (browserEvidence)? */
export function browserCode(path: string, content: string): boolean {
  return browserEvidence(path, content) !== null;
}

/** Directories that hold code served to the browser (`public/`, `www/`, `static/`, `client/`, `frontend/`, `assets/`). */
const BROWSER_DIR = /(^|\/)(public|www|static|client|frontend|assets)\//;

/**
 * How the code shows it runs in the browser: `ui`, a user interface's code by stronger evidence than a browser global
 * alone (a component file, a UI framework's import, or browser globals in a directory served to the browser); `dom`, a
 * browser global alone (which a server's HTML string holds too); null, server code or no sign of a browser.
 */
export function browserEvidence(path: string, content: string): "ui" | "dom" | null {
  if (SERVER_SIDE.test(content)) return null;
  if (UI_FILE.test(path) || UI_IMPORT.test(content)) return "ui";
  if (!DOM_GLOBAL.test(content)) return null;
  return BROWSER_DIR.test(path) ? "ui" : "dom";
}
