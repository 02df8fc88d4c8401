import { createWriteStream, promises as fs } from 'fs'
import path from 'path'
import type Queue from 'bee-queue'
import PDFDocument from 'pdfkit'
import { config } from '../config'
import { logger } from '../logger'
import { JobHandler, type LabelJob } from '../queues'

const LABEL_FONT = '/Users/dkim/Library/Fonts/IBMPlexMono-Medium.ttf'

export const labelPath = (orderId: string, format: 'pdf' | 'zpl') =>
  path.join(config.labels.outputDir, `${orderId}.${format}`)

async function writePackingSlip(job: LabelJob, file: string) {
  await new Promise<void>((resolve, reject) => {
    const doc = new PDFDocument({ size: [288, 432], margin: 12 })
    const out = createWriteStream(file)
    out.on('finish', resolve).on('error', reject)
    doc.pipe(out)
    doc.font(LABEL_FONT).fontSize(10)
    doc.text(`Order ${job.orderId}`)
    doc.text(`Tracking ${job.trackingNumber}`)
    doc.image(Buffer.from(job.labelBase64, 'base64'), { fit: [264, 360] })
    doc.end()
  })
}

export class PrintLabelHandler extends JobHandler<LabelJob> {
  readonly queueName = 'labels' as const

  async handle(job: Queue.Job<LabelJob>) {
    await fs.mkdir(config.labels.outputDir, { recursive: true })
    const file = labelPath(job.data.orderId, config.labels.format)

    if (config.labels.format === 'zpl') {
      await fs.writeFile(file, Buffer.from(job.data.labelBase64, 'base64'))
    } else {
      await writePackingSlip(job.data, file)
    }

    logger.info({ orderId: job.data.orderId, file }, 'label written')
    return { file }
  }
}
