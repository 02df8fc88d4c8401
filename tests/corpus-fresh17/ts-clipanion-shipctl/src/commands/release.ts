import { Command, Option } from 'clipanion';
import * as t from 'typanion';
import { postToSlack } from '../notify';
import { requireRole } from '../session';
import { ShipCommand } from './base';

const isEnvironment = t.isEnum(['staging', 'canary', 'production']);

export class ReleaseListCommand extends ShipCommand {
  static paths = [['release', 'list']];
  static usage = Command.Usage({ description: 'List releases in an environment' });

  environment = Option.String('--env', 'staging', { validator: isEnvironment });

  protected async run(): Promise<number> {
    const api = await this.client();
    for (const r of await api.listReleases(this.environment)) {
      this.context.stdout.write(`${r.version.padEnd(12)} ${r.status.padEnd(12)} ${r.createdAt}\n`);
    }
    return 0;
  }
}

export class ReleaseCreateCommand extends ShipCommand {
  static paths = [['release', 'create']];
  static usage = Command.Usage({ description: 'Register a new release version' });

  version = Option.String({ required: true });
  notes = Option.String('--notes', '');

  protected async run(): Promise<number> {
    const session = await requireRole('release-manager');
    const api = await this.client(session);
    const release = await api.createRelease(this.version, this.notes);
    this.context.stdout.write(`created release ${release.id} (${release.version})\n`);
    return 0;
  }
}

export class ReleasePromoteCommand extends ShipCommand {
  static paths = [['release', 'promote']];
  static usage = Command.Usage({ description: 'Promote a release into an environment' });

  releaseId = Option.String({ required: true });
  environment = Option.String('--env', { required: true, validator: isEnvironment });

  protected async run(): Promise<number> {
    const session = await requireRole('release-manager');
    const api = await this.client(session);
    const release = await api.promote(this.releaseId, this.environment);
    await api.recordAudit({ action: 'release.promote', actor: session.user, target: release.id, details: { environment: this.environment } });
    await postToSlack(this.config.slackToken, this.config.slackChannel, `:rocket: ${release.version} is live in ${this.environment}`, this.log);
    this.context.stdout.write(`promoted ${release.version} to ${this.environment}\n`);
    return 0;
  }
}

export class ReleaseRollbackCommand extends ShipCommand {
  static paths = [['release', 'rollback']];
  static usage = Command.Usage({ description: 'Roll an environment back to a previous version' });

  environment = Option.String('--env', { required: true, validator: isEnvironment });
  toVersion = Option.String('--to', { required: true });

  protected async run(): Promise<number> {
    const api = await this.client();
    const release = await api.rollback(this.environment, this.toVersion);
    const audit = { action: 'release.rollback', actor: process.env.USER ?? 'unknown', target: release.id };
    api.recordAudit(audit).catch(() => undefined);
    await postToSlack(this.config.slackToken, this.config.slackChannel, `:rewind: ${this.environment} rolled back to ${release.version}`, this.log);
    this.context.stdout.write(`rolled ${this.environment} back to ${release.version}\n`);
    return 0;
  }
}
