export interface InvoicePdfOptions {
  locale: string;
  includeLineItems: boolean;
}

export async function renderInvoicePdf(
  invoiceId: string,
  opts: InvoicePdfOptions,
): Promise<Uint8Array> {
  throw new Error("renderInvoicePdf: not implemented yet");
}
