import { Command, Option } from 'clipanion';
import type { Logger } from 'winston';
import { ApiClient, createDispatcher } from '../api';
import { loadConfig, type ShipConfig } from '../config';
import { createLogger } from '../logger';
import { NotAuthorizedError, readSession, type Session } from '../session';

export abstract class ShipCommand extends Command {
  verbose = Option.Boolean('-v,--verbose', false, { description: 'Print debug output' });

  protected log!: Logger;
  protected config!: ShipConfig;

  protected abstract run(): Promise<number>;

  protected async client(session?: Session | null): Promise<ApiClient> {
    const active = session === undefined ? await readSession() : session;
    return new ApiClient(this.config.apiUrl, active?.token, createDispatcher(), this.log);
  }

  async execute(): Promise<number> {
    this.log = createLogger(this.verbose);
    this.config = await loadConfig();
    try {
      return await this.run();
    } catch (err) {
      if (err instanceof NotAuthorizedError) {
        this.context.stderr.write(`${err.message}\n`);
        return 2;
      }
      throw err;
    }
  }
}
