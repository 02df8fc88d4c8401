import { build, type GluegunToolbox } from 'gluegun'

export async function run(argv: string[] | string): Promise<GluegunToolbox> {
  const cli = build()
    .brand('shipctl')
    .src(__dirname)
    .plugins('./node_modules', { matching: 'shipctl-*', hidden: true })
    .help()
    .version()
    .defaultCommand()
    .create()

  return cli.run(argv)
}
