import { defineEventHandler } from 'h3'

export default defineEventHandler((_event) => ({ status: 'ok', uptime: process.uptime() }))
