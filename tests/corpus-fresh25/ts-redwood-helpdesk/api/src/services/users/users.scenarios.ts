import type { Prisma, User } from '@prisma/client'

import type { ScenarioData } from '@redwoodjs/testing/api'

export const standard = defineScenario<Prisma.UserCreateArgs>({
  user: {
    customer: {
      data: {
        email: 'casey@customer.test',
        roles: 'customer',
        hashedPassword: 'ad9563042fe9f154419361eeeb775d8a12f3975a3722953fd8e326dd108d5645',
        salt: '1c99de412b219e9abf4665293211adce',
      },
    },
    agent: {
      data: {
        email: 'sam@helpdesk.test',
        roles: 'agent',
        hashedPassword: 'ad9563042fe9f154419361eeeb775d8a12f3975a3722953fd8e326dd108d5645',
        salt: '1c99de412b219e9abf4665293211adce',
      },
    },
  },
})

export type StandardScenario = ScenarioData<User, 'user'>
