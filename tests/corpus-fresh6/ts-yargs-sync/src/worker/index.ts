export { Worker, type JobStore, type JobHandler, type WorkerOptions } from './queue.js';
export { withRetry, type RetryOptions } from './retry.js';
export { signJob, verifyJob, type SignedJob } from './signing.js';
export { notifyCompletion, type NotifyTarget } from './notify.js';
