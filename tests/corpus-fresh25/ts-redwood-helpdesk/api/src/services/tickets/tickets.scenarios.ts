import type { Prisma, Ticket, User } from '@prisma/client'

import type { ScenarioData } from '@redwoodjs/testing/api'

const credentials = {
  hashedPassword: 'ad9563042fe9f154419361eeeb775d8a12f3975a3722953fd8e326dd108d5645',
  salt: '1c99de412b219e9abf4665293211adce',
}

export const standard = defineScenario<
  Prisma.UserCreateArgs | Prisma.TicketCreateArgs,
  'user' | 'ticket'
>({
  user: {
    customer: { data: { email: 'casey@customer.test', name: 'Casey', roles: 'customer', ...credentials } },
    otherCustomer: { data: { email: 'riley@customer.test', name: 'Riley', roles: 'customer', ...credentials } },
    agent: { data: { email: 'sam@helpdesk.test', name: 'Sam', roles: 'agent', ...credentials } },
  },
  ticket: {
    printer: (scenario) => ({
      data: {
        subject: 'Printer on fire',
        body: 'Third floor printer is smoking again.',
        status: 'OPEN',
        priority: 1,
        requester: { connect: { id: scenario.user.customer.id } },
      },
    }),
    vpn: (scenario) => ({
      data: {
        subject: 'VPN disconnects',
        body: 'Drops every ten minutes since the update.',
        status: 'PENDING',
        priority: 2,
        requester: { connect: { id: scenario.user.otherCustomer.id } },
      },
    }),
  },
})

export type StandardScenario = ScenarioData<User, 'user'> & ScenarioData<Ticket, 'ticket'>
