/// <reference types="vite/client" />
export const modules = import.meta.glob("./**/!(*.*.*)*.*s");
