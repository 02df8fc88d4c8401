import type { GluegunCommand } from 'gluegun'
import { closeAll, createQueues, type ShipmentJob } from '../queues'

const command: GluegunCommand = {
  name: 'enqueue',
  alias: ['e'],
  description: 'Queue a shipment booking for an order (shipctl enqueue <orderId> --carrier ups --weight 1200)',
  run: async (toolbox) => {
    const { parameters, print, filesystem } = toolbox
    const session = await toolbox.operator.require('operator')

    const orderId = parameters.first
    if (!orderId) {
      print.error('Usage: shipctl enqueue <orderId> --carrier <ups|dhl|parcelhub> --weight <grams> --to <address.json>')
      return
    }

    const to = filesystem.read(parameters.options.to, 'json')
    const job: ShipmentJob = {
      orderId,
      carrier: parameters.options.carrier ?? 'parcelhub',
      service: parameters.options.service ?? 'ground',
      weightGrams: Number(parameters.options.weight),
      to,
      requestedBy: session.user
    }

    const queues = createQueues()
    try {
      const saved = await queues.shipments.createJob(job).setId(`order-${orderId}`).retries(5).save()
      print.success(`Queued shipment job ${saved.id} for order ${orderId}`)
    } finally {
      await closeAll(queues)
    }
  }
}

module.exports = command
