import { contextBridge, ipcRenderer } from 'electron';

type TicketStatus = 'open' | 'pending' | 'solved' | 'closed';

const desk = {
  version: (): Promise<string> => ipcRenderer.invoke('app:get-version'),
  signIn: (email: string, password: string) => ipcRenderer.invoke('auth:sign-in', email, password),
  unlock: (pin: string): Promise<boolean> => ipcRenderer.invoke('auth:unlock', pin),
  signOut: () => ipcRenderer.invoke('auth:sign-out'),
  tickets: {
    list: (queue: string) => ipcRenderer.invoke('tickets:list', queue),
    search: (query: string, status: TicketStatus) => ipcRenderer.invoke('tickets:search', query, status),
    get: (id: string) => ipcRenderer.invoke('tickets:get', id),
    reply: (id: string, body: string, internal = false) => ipcRenderer.invoke('tickets:reply', id, body, internal),
    merge: (sourceId: string, targetId: string) => ipcRenderer.invoke('tickets:merge', sourceId, targetId),
  },
  drafts: {
    save: (ticketId: string, body: string) => ipcRenderer.invoke('drafts:save', ticketId, body),
    load: (ticketId: string) => ipcRenderer.invoke('drafts:load', ticketId),
  },
  admin: {
    listAgents: () => ipcRenderer.invoke('admin:list-agents'),
    setAgentRole: (agentId: string, role: string) => ipcRenderer.invoke('admin:set-agent-role', agentId, role),
    resetQueue: (queue: string) => ipcRenderer.invoke('admin:reset-queue', queue),
  },
  settings: {
    get: () => ipcRenderer.invoke('settings:get'),
    setTheme: (theme: 'light' | 'dark' | 'system') => ipcRenderer.invoke('settings:set-theme', theme),
    setBackendUrl: (url: string) => ipcRenderer.invoke('settings:set-backend-url', url),
  },
  log: (level: 'info' | 'error', message: string) => ipcRenderer.send('log:renderer', level, message),
};

contextBridge.exposeInMainWorld('desk', desk);

export type DeskApi = typeof desk;
