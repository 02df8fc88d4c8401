import { Command, Option } from 'clipanion';
import { writeSession } from '../session';
import { ShipCommand } from './base';

export class LoginCommand extends ShipCommand {
  static paths = [['login']];
  static usage = Command.Usage({
    description: 'Authenticate against the deploy API and cache a session token',
    examples: [['Log in interactively', '$0 login --user jdoe']],
  });

  user = Option.String('--user', { required: true });
  passwordEnv = Option.String('--password-env', 'SHIPCTL_PASSWORD', {
    description: 'Environment variable holding the password',
  });

  protected async run(): Promise<number> {
    const password = process.env[this.passwordEnv];
    if (!password) {
      this.context.stderr.write(`set ${this.passwordEnv} before running login\n`);
      return 1;
    }
    const api = await this.client(null);
    const { token, roles, expiresAt } = await api.login(this.user, password);
    await writeSession({ user: this.user, token, roles, expiresAt });
    this.log.info('logged in as %s (%s)', this.user, roles.join(', '));
    return 0;
  }
}

export class ConfigShowCommand extends ShipCommand {
  static paths = [['config', 'show']];
  static usage = Command.Usage({ description: 'Print the effective configuration' });

  protected async run(): Promise<number> {
    const { registryToken, slackToken, ...visible } = this.config;
    this.context.stdout.write(
      `${JSON.stringify({ ...visible, registryToken: mask(registryToken), slackToken: mask(slackToken) }, null, 2)}\n`,
    );
    return 0;
  }
}

function mask(value: string): string {
  return value.length <= 8 ? '****' : `${value.slice(0, 4)}…${value.slice(-2)}`;
}
