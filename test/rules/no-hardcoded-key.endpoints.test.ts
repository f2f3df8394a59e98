/**
 * no-hardcoded-key (session 25, branch rule9del): a node provider's API key written into its endpoint URL
 * (Alchemy `…/v2/<key>`, Infura `…/v3/<project id>`, HTTPS or WebSocket) is a credential wherever the URL goes, and a
 * BIP-39 mnemonic that happens to contain `also`, `just`, `only` or `that` (words of the BIP-39 list that are English
 * function words too) is still a mnemonic. Near misses: endpoints that read the key from configuration, placeholders,
 * public endpoints, and prose under a mnemonic name. Every key here is made at run time from a fixed pattern.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const mixed = 'Xq7LmP2vRt9KwZ4bNc8HyD3sFg6JaE1u';
const alchemyKey = [...mixed].reverse().join('');
const infuraId = Array.from({ length: 32 }, (_, i) => '0123456789abcdef'[(i * 7 + 3) % 16]).join('');
const words = 'orbit also velvet cactus harbor just meadow copper ozone only tiger that'.split(' ');
const phrase = [...words.slice(6), ...words.slice(0, 6)].join(' ');

const alchemyUrl = `https://eth-mainnet.g.alchemy.com/v2/${alchemyKey}`;
const infuraUrl = `wss://mainnet.infura.io/ws/v3/${infuraId}`;
const fallbackUrl = `https://polygon-mainnet.g.alchemy.com/v2/${alchemyKey}`;
const chainCode = [
  "import { createPublicClient, http, webSocket } from 'viem';",
  "import { mainnet } from 'viem/chains';",
  `export const client = createPublicClient({ chain: mainnet, transport: http('${alchemyUrl}') });`,
  `export const live = webSocket('${infuraUrl}');`,
].join('\n');
const configCode = [
  'module.exports = {',
  `  rpc: { fallback: '${fallbackUrl}' },`,
  `  walletMnemonic: '${phrase}',`,
  '};',
].join('\n');

/** The two suggestions of a hardcoded credential: the keystore (with its import after line `importAt`) and env. */
function suggestionsFor(code: string, literal: string, name: string, env: string, importAt: number) {
  const lines = code.replace(literal, `(await loadSecret('${name}')).expose().toString('utf8')`).split('\n');
  lines.splice(importAt, 0, "import { loadSecret } from 'keyhygiene/keys';");
  return [
    { messageId: 'useKeystore' as const, output: lines.join('\n') },
    { messageId: 'useEnv' as const, output: code.replace(literal, env) },
  ];
}

ruleTester.run('no-hardcoded-key (endpoint keys, mnemonics)', rule, {
  valid: [
    {
      // keys from configuration, placeholders and public endpoints
      code: [
        "import { JsonRpcProvider } from 'ethers';",
        'export const a = new JsonRpcProvider(`https://eth-mainnet.g.alchemy.com/v2/${process.env.ALCHEMY_KEY}`);',
        "export const b = new JsonRpcProvider('https://mainnet.infura.io/v3/YOUR-PROJECT-ID');",
        "export const c = new JsonRpcProvider('https://cloudflare-eth.com');",
        "export const d = new JsonRpcProvider('https://eth-mainnet.g.alchemy.com/v2/demo');",
      ].join('\n'),
      filename: 'src/providers.ts',
    },
    {
      // prose under a mnemonic name: function words outside the BIP-39 list
      code: "export const MNEMONIC_HELP = 'you must write down the words and keep them safe from fire';",
      filename: 'src/help.ts',
    },
  ],
  invalid: [
    {
      code: chainCode,
      filename: 'src/chain.ts',
      errors: [
        {
          messageId: 'credential',
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 147,
          suggestions: suggestionsFor(chainCode, `'${alchemyUrl}'`, 'app-key', 'process.env.APP_KEY!', 2),
        },
        {
          messageId: 'credential',
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 95,
          suggestions: suggestionsFor(chainCode, `'${infuraUrl}'`, 'app-key', 'process.env.APP_KEY!', 2),
        },
      ],
    },
    {
      code: configCode,
      filename: 'config/default.js',
      errors: [
        {
          messageId: 'credential',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 95,
          suggestions: suggestionsFor(configCode, `'${fallbackUrl}'`, 'app-key', 'process.env.APP_KEY', 0),
        },
        {
          messageId: 'credential',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 93,
          suggestions: suggestionsFor(configCode, `'${phrase}'`, 'wallet-mnemonic', 'process.env.WALLET_MNEMONIC', 0),
        },
      ],
    },
  ],
});
