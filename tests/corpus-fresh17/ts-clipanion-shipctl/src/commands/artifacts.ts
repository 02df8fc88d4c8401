import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'clipanion';
import { requireRole } from '../session';
import { ShipCommand } from './base';

const CONTENT_TYPES: Record<string, string> = {
  '.tgz': 'application/gzip',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

export class ArtifactsUploadCommand extends ShipCommand {
  static paths = [['artifacts', 'upload']];
  static usage = Command.Usage({ description: 'Upload build artifacts for a release' });

  releaseId = Option.String({ required: true });
  dir = Option.String('--dir', { description: 'Directory to upload (defaults to the configured artifacts dir)' });

  protected async run(): Promise<number> {
    const session = await requireRole('release-manager');
    const api = await this.client(session);
    const dir = this.dir ?? this.config.artifactsDir;
    const files = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isFile());
    for (const entry of files) {
      const file = path.join(dir, entry.name);
      const type = CONTENT_TYPES[path.extname(entry.name)] ?? 'application/octet-stream';
      await api.uploadArtifact(this.releaseId, file, type);
      this.log.info('uploaded %s (%s)', entry.name, type);
    }
    this.context.stdout.write(`uploaded ${files.length} artifact(s)\n`);
    return 0;
  }
}

export class AuditExportCommand extends ShipCommand {
  static paths = [['audit', 'export']];
  static usage = Command.Usage({ description: 'Export the audit trail as CSV' });

  since = Option.String('--since', { required: true });

  protected async run(): Promise<number> {
    await requireRole('auditor');
    throw new Error('audit export is not implemented yet');
  }
}
