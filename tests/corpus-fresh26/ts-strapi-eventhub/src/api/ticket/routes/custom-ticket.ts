export default {
  routes: [
    {
      method: 'POST',
      path: '/tickets/purchase',
      handler: 'ticket.purchase',
      config: {
        policies: [],
      },
    },
    {
      method: 'POST',
      path: '/tickets/:id/refund',
      handler: 'ticket.refund',
      config: {
        policies: [],
      },
    },
    {
      method: 'POST',
      path: '/tickets/:id/transfer',
      handler: 'ticket.transfer',
      config: {
        policies: [],
      },
    },
    {
      // called by PayHub; authenticity is checked against the HMAC header
      method: 'POST',
      path: '/tickets/webhook',
      handler: 'ticket.paymentWebhook',
      config: {
        auth: false,
      },
    },
    {
      method: 'POST',
      path: '/partner/tickets/validate',
      handler: 'ticket.validate',
      config: {
        auth: false,
        policies: ['global::has-api-key'],
      },
    },
  ],
};
