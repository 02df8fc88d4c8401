#!/usr/bin/env node
import { Builtins, Cli } from 'clipanion';
import { ArtifactsUploadCommand, AuditExportCommand } from './commands/artifacts';
import {
  ReleaseCreateCommand,
  ReleaseListCommand,
  ReleasePromoteCommand,
  ReleaseRollbackCommand,
} from './commands/release';
import { ConfigShowCommand, LoginCommand } from './commands/session';

export function buildCli(): Cli {
  const cli = new Cli({ binaryLabel: 'Acme shipctl', binaryName: 'shipctl', binaryVersion: '2.3.0' });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  cli.register(LoginCommand);
  cli.register(ConfigShowCommand);
  cli.register(ReleaseListCommand);
  cli.register(ReleaseCreateCommand);
  cli.register(ReleasePromoteCommand);
  cli.register(ReleaseRollbackCommand);
  cli.register(ArtifactsUploadCommand);
  cli.register(AuditExportCommand);
  return cli;
}

if (require.main === module) {
  void buildCli().runExit(process.argv.slice(2));
}
