import { defineCommand } from 'citty'

export default defineCommand({
  meta: { name: 'status', description: 'Compare the local cache with the registry' },
  async run() {
    throw new Error('relctl status: not implemented yet')
  },
})
