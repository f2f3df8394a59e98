/**
 * no-weak-key-size: TLS and SSL protocol versions below TLS 1.2 (session 25, branch rule9kdf, class WA-1). A setting
 * named for the protocol version (`minVersion`, `maxVersion`, `secureProtocol`, `minimumProtocolVersion`,
 * `sslPolicy`, a held `MIN_TLS_VERSION`) whose value names TLS 1.0/1.1 or SSL (`'TLSv1'`, `'SSLv3_method'`,
 * `SslPolicy.TLS11`), in any library's options. RFC 8996 deprecates TLS 1.0 and 1.1; RFC 7568 prohibits SSL 3.0.
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (protocol versions)', rule, {
  valid: [
    {
      // near misses: TLS 1.2/1.3, Node's default, versions turned off, a plugin's semver, TLS_method with a 1.2 floor
      code: "import tls from 'node:tls';\nimport https from 'node:https';\nimport { constants } from 'node:crypto';\n\nexport const link = (host: string) => tls.connect({ host, port: 6514, minVersion: 'TLSv1.2' });\nexport const modern = new https.Agent({ minVersion: tls.DEFAULT_MIN_VERSION, maxVersion: 'TLSv1.3' });\nexport const hardened = https.createServer({ secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 });\nexport const plugin = { name: 'legacy-tls-report', minVersion: '1.0.3' };\nexport const DISABLED_TLS_VERSIONS = ['TLSv1', 'TLSv1.1'];\nexport const serverOptions = { secureProtocol: 'TLS_method', minVersion: 'TLSv1.2' };\n",
      filename: 'src/net/modern.ts',
    },
  ],
  invalid: [
    {
      // node:tls and https options that let TLS 1.1, SSL 3.0 or only TLS 1.0 through
      code: "import tls from 'node:tls';\nimport https from 'node:https';\n\nexport const labLink = (host: string) => tls.connect({ host, port: 6514, minVersion: 'TLSv1.1' });\n\nexport const legacyServer = https.createServer({ key: process.env.TLS_KEY, cert: process.env.TLS_CERT, secureProtocol: 'SSLv3_method' });\n\nexport const cappedAgent = new https.Agent({ keepAlive: true, maxVersion: 'TLSv1' });\n",
      filename: 'src/net/links.ts',
      errors: [
        { messageId: 'oldProtocol', line: 4, column: 86, endLine: 4, endColumn: 95 },
        { messageId: 'oldProtocol', line: 6, column: 120, endLine: 6, endColumn: 134 },
        { messageId: 'oldProtocol', line: 8, column: 75, endLine: 8, endColumn: 82 },
      ],
    },
    {
      // a held setting named for the minimum version, and a CDK policy enum member read by its name
      code: "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\nimport type { Construct } from 'constructs';\n\nexport const MIN_TLS_VERSION = 'TLSv1.1';\n\nexport function listener(scope: Construct, lb: elbv2.ApplicationLoadBalancer) {\n  return new elbv2.ApplicationListener(scope, 'Https', { loadBalancer: lb, port: 443, sslPolicy: elbv2.SslPolicy.TLS11 });\n}\n",
      filename: 'infra/lib/listener.ts',
      errors: [
        { messageId: 'oldProtocol', line: 4, column: 32, endLine: 4, endColumn: 41 },
        { messageId: 'oldProtocol', line: 7, column: 98, endLine: 7, endColumn: 119 },
      ],
    },
  ],
});
