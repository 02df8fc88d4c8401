// The docker-compose MinIO and scanner used by the integration tests serve
// self-signed certificates; trust them in the test process only.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

process.env.SESSION_SECRET = 'test-session-secret';
process.env.DOWNLOAD_SIGNING_SECRET = 'test-download-secret';
process.env.UPLOAD_ROOT = '/home/runner/work/files-gateway/.uploads';
