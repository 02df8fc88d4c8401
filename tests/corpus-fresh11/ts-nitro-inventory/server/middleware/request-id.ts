import { randomUUID } from 'node:crypto'
import { defineEventHandler, getHeader, setResponseHeader } from 'h3'

export default defineEventHandler((event) => {
  const incoming = getHeader(event, 'x-request-id')
  const requestId = incoming && incoming.length <= 64 ? incoming : randomUUID()
  event.context.requestId = requestId
  setResponseHeader(event, 'x-request-id', requestId)
})
