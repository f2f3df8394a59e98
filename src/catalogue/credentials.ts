/* eslint-disable keyhygiene/no-hardcoded-key -- every sample below is fake, made up for this catalogue */
/**
 * Credential formats and private-key blocks. Facts about the formats (prefixes, lengths, alphabets) come
 * from the providers' documentation; the regexes and samples are our own. Every sample credential here is
 * FAKE: made up for the catalogue test, never issued by a provider.
 *
 * ReDoS rule for this file: character classes with bounded quantifiers only, no nested quantifiers over
 * overlapping classes. `test/reliability` runs the worst case of every pattern.
 */
import { providerFormats } from './providers/index.js';
import type { ContextPublicIdentifier, CredentialFormat, PublicIdentifier } from './types.js';

/** A PEM/OpenSSH/PGP private key counts only with a real body: code that merely names the header is fine. */
function hasKeyBody(secret: string): boolean {
  const body = secret
    .replace(/-----(?:BEGIN|END)[^-]{0,60}-----/g, '')
    .replace(/\\[nr]/g, '\n')
    .replace(/^[A-Za-z-]{1,40}: .{0,200}$/gm, '');
  // Real PEM bodies are lines of up to 64 base64 characters; prose never has a 40-character run.
  const run = /[A-Za-z0-9+/=]{40,}/.exec(body);
  return run !== null && !/^(?:x+|X+|0+|A+)=*$/.test(run[0]);
}

export const credentialFormats = [
  {
    id: 'private-key-block',
    title: 'Private key block (PEM, OpenSSH, PGP)',
    provider: 'generic',
    kind: 'private-key',
    severity: 'critical',
    keywords: ['private key'],
    pattern:
      /-----BEGIN (?:(?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY(?: BLOCK)?-----[^-]{0,16384}(?:-----END (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----)?/g,
    validate: hasKeyBody,
    rotate: 'Revoke the key pair, issue a new one, and keep the private key in a keystore or HSM.',
    samples: {
      positive: [
        // fake: a random-looking body, not a real key
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3fakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8cD0eF2gH4\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACBfakeFAKEfake\\n-----END OPENSSH PRIVATE KEY-----',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGfakeFAKEfakeBCADqZ8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8cD0eF2gH4jK6\n-----END PGP PRIVATE KEY BLOCK-----',
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIfakeFAKEfakeAgIIADAMBggqhkiG9w0CCQUAMBQGCCqGSIb3\n',
      ],
      negative: [
        '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfakeFAKEfake0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4\n-----END PUBLIC KEY-----',
        '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UEChMJQmFsdGltb3Jl\n-----END CERTIFICATE-----',
        "if (pem.startsWith('-----BEGIN RSA PRIVATE KEY-----')) return 'pkcs1';",
        '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      ],
    },
  },
  {
    id: 'aws-access-key-id',
    title: 'AWS access key id',
    provider: 'aws',
    kind: 'credential',
    severity: 'high',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
    examples: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE'],
    rotate: 'Deactivate the access key in IAM, create a new one, and load it from the environment or a role.',
    samples: {
      positive: ['AKIAZ7QXKJ2V4MNB3LPW', 'const id = "ASIAQ2W3E4R5T6Y7U2I3";'],
      negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIAZ7QXKJ2V4MNB3LP', 'XAKIAZ7QXKJ2V4MNB3LPW0', 'akiaz7qxkj2v4mnb3lpw'],
    },
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'aws',
    kind: 'credential',
    severity: 'critical',
    keywords: ['secret'],
    pattern: /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    context: /aws.{0,20}secret|secret.?access.?key/i,
    examples: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
    rotate: 'Deactivate the access key in IAM, create a new one, and prefer short-lived role credentials.',
    samples: {
      positive: [
        'aws_secret_access_key = Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2w',
        '"secretAccessKey": "Zq8vR6xW1yB5cD3eF7/H9jK2lM4nP6qR8sT0uV2w"',
      ],
      negative: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'commit = Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2w',
        'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
      ],
    },
  },
  {
    id: 'github-token',
    title: 'GitHub token',
    provider: 'github',
    kind: 'token',
    severity: 'critical',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b((?:gh[pousr]_[A-Za-z0-9]{36})|(?:github_pat_[A-Za-z0-9_]{82}))\b/g,
    rotate: 'Revoke the token in GitHub settings and use a short-lived GitHub App or Actions token.',
    samples: {
      positive: [
        'ghp_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH',
        'token: "gho_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH"',
        'github_pat_11FAKE0000fakeFAKEfake0_q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB',
      ],
      negative: ['ghp_short', 'ghp_' + 'x'.repeat(10), 'const prefix = "ghp_";'],
    },
  },
  {
    id: 'gitlab-token',
    title: 'GitLab personal access token',
    provider: 'gitlab',
    kind: 'token',
    severity: 'critical',
    keywords: ['glpat-'],
    pattern: /\b(glpat-[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the token in GitLab and issue a scoped one from CI variables.',
    samples: {
      positive: ['glpat-fAkE0q9Zt7sK2mN4pL8v', 'GITLAB_TOKEN=glpat-FAKE_q9Zt7sK2mN4pL8vR6x'],
      negative: ['glpat-short', 'glpat-'],
    },
  },
  {
    id: 'slack-token',
    title: 'Slack token',
    provider: 'slack',
    kind: 'token',
    severity: 'high',
    keywords: ['xox'],
    pattern: /\b(xox[abposr]-(?:[0-9]{6,13}-){1,3}[A-Za-z0-9]{8,48})\b/g,
    rotate: 'Revoke the token in the Slack app settings and reinstall the app.',
    samples: {
      positive: [
        'xoxb-123456789012-1234567890123-fAkE0q9Zt7sK2mN4pL8vR6xW',
        'xoxp-1234567890-1234567890-1234567890-fake0q9zt7sk2mn4',
      ],
      negative: ['xoxb-your-token-here', 'xoxb-'],
    },
  },
  {
    id: 'slack-webhook',
    title: 'Slack incoming webhook URL',
    provider: 'slack',
    kind: 'credential',
    severity: 'medium',
    keywords: ['hooks.slack.com'],
    pattern:
      /(https:\/\/hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})/g,
    rotate: 'Regenerate the webhook URL in Slack.',
    samples: {
      positive: ['https://hooks.slack.com/services/T0FAKE0001/B0FAKE0001/fAkE0q9Zt7sK2mN4pL8vR6xW'],
      negative: ['https://hooks.slack.com/services/T000/B000/XXXX', 'https://hooks.slack.com/'],
    },
  },
  {
    id: 'stripe-secret-key',
    title: 'Stripe secret or restricted key',
    provider: 'stripe',
    kind: 'credential',
    severity: 'critical',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    pattern: /\b((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{24,99})\b/g,
    rotate: 'Roll the key in the Stripe dashboard.',
    samples: {
      positive: ['sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5', 'rk_test_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3'],
      negative: ['pk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5', 'sk_live_xxx', 'sk_test_'],
    },
  },
  {
    id: 'google-api-key',
    title: 'Google API key',
    provider: 'google',
    kind: 'credential',
    severity: 'high',
    keywords: ['aiza'],
    pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    rotate: 'Delete the key in the Google Cloud console and create a restricted one.',
    samples: {
      positive: ['AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF', 'key=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF&q=1'],
      negative: ['AIzaSy...', 'AIza' + 'short'],
    },
  },
  {
    id: 'gcp-service-account',
    title: 'Google service-account key file',
    provider: 'google',
    kind: 'credential',
    severity: 'critical',
    keywords: ['private_key_id'],
    pattern: /"private_key_id"\s{0,4}:\s{0,4}"([a-f0-9]{40})"/g,
    rotate: 'Delete the service-account key in IAM and use workload identity instead of key files.',
    samples: {
      positive: ['{"type": "service_account", "private_key_id": "9f3c0fa4e1b27d5e0fa4e0fa4e0fa4e00fa4e000"}'],
      negative: ['{"private_key_id": ""}', '"private_key_id": "${KEY_ID}"'],
    },
  },
  {
    id: 'npm-token',
    title: 'npm access token',
    provider: 'npm',
    kind: 'token',
    severity: 'critical',
    keywords: ['npm_', '_authtoken'],
    pattern: /\b(npm_[A-Za-z0-9]{36})\b|_authToken=([A-Za-z0-9-]{36,})/g,
    rotate: 'Revoke the token with `npm token revoke` and use a granular, short-lived token from CI secrets.',
    samples: {
      positive: [
        'npm_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH',
        '//registry.npmjs.org/:_authToken=00000000-fake-fake-fake-000000000000',
      ],
      negative: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'npm_config_cache'],
    },
  },
  {
    id: 'twilio-api-key',
    title: 'Twilio API key',
    provider: 'twilio',
    kind: 'credential',
    severity: 'high',
    keywords: ['sk'],
    pattern: /\b(SK[0-9a-f]{32})\b/g,
    rotate: 'Delete the API key in the Twilio console.',
    samples: {
      positive: ['SK0fa4e0000fa4e0000fa4e0000fa4e000'],
      negative: ['SK' + '0'.repeat(10), 'ASK0fa4e0000fa4e0000fa4e0000fa4e000'],
    },
  },
  {
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    provider: 'twilio',
    kind: 'credential',
    severity: 'high',
    keywords: ['twilio'],
    pattern: /(?<![0-9a-f])([0-9a-f]{32})(?![0-9a-f])/g,
    context: /twilio.{0,20}(?:auth|token|secret)/i,
    rotate: 'Rotate the auth token in the Twilio console.',
    samples: {
      positive: ['TWILIO_AUTH_TOKEN=0fa4e0000fa4e0000fa4e0000fa4e000'],
      negative: ['TWILIO_ACCOUNT_SID=AC0fa4e0000fa4e0000fa4e0000fa4e000', 'md5 = 0fa4e0000fa4e0000fa4e0000fa4e000'],
    },
  },
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    provider: 'sendgrid',
    kind: 'credential',
    severity: 'high',
    keywords: ['sg.'],
    pattern: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
    rotate: 'Delete the API key in SendGrid and create a scoped one.',
    samples: {
      positive: ['SG.fAkE0q9Zt7sK2mN4pL8vR6.xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2wX4yZ6aB8c'],
      negative: ['SG.xxxxx.yyyyy', 'SG.'],
    },
  },
  {
    id: 'openai-api-key',
    title: 'OpenAI-style API key',
    provider: 'openai',
    kind: 'credential',
    severity: 'high',
    keywords: ['sk-'],
    pattern:
      /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74}|sk-ant-api0\d-[A-Za-z0-9_-]{80,100}AA|sk-proj-[A-Za-z0-9_-]{48,156})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the key in the provider dashboard and load a new one from a secret store.',
    samples: {
      positive: [
        'sk-fAkE0q9Zt7sK2mN4pL8vT3BlbkFJR6xW1yB5cD3eF7gH9jK2',
        'sk-proj-fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR8sT0uV2',
      ],
      negative: ['sk-xxxx', 'sk-proj-short', 'task-runner-configuration'],
    },
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'generic',
    kind: 'token',
    severity: 'medium',
    keywords: ['eyj'],
    pattern: /\b(eyJ[A-Za-z0-9_-]{10,2048}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{20,1024})(?![A-Za-z0-9_-])/g,
    examples: [
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ],
    rotate: 'Revoke the token (or rotate its signing key) and never commit bearer tokens.',
    samples: {
      positive: [
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJpYXQiOjE3MDAwMDAwMDB9.ZmFrZS1zaWduYXR1cmUtZmFrZS1mYWtl',
      ],
      negative: [
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
        'eyJhbGciOiJub25lIn0.eyJzdWIiOiJmYWtlIn0.',
      ],
    },
  },
  ...providerFormats,
] as const satisfies readonly (CredentialFormat & { validate?: (secret: string) => boolean })[];

export type CredentialFormatId = (typeof credentialFormats)[number]['id'];

/** Values shaped like credentials that are public by design. Never reported as hardcoded keys. */
export const publicIdentifiers: readonly PublicIdentifier[] = [
  {
    id: 'stripe-publishable-key',
    title: 'Stripe publishable key',
    pattern: /^pk_(?:live|test)_[0-9a-zA-Z]{24,99}$/,
    why: 'Publishable keys are meant to ship to browsers.',
    samples: { positive: ['pk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5'], negative: ['sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5'] },
  },
  {
    id: 'google-oauth-client-id',
    title: 'Google OAuth client id',
    pattern: /^[0-9]{6,20}-[a-z0-9]{20,40}\.apps\.googleusercontent\.com$/,
    why: 'OAuth client ids are public identifiers; the client secret is the secret.',
    samples: {
      positive: ['123456789012-fakefakefakefakefakefake0000.apps.googleusercontent.com'],
      negative: ['GOCSPX-fAkE0q9Zt7sK2mN4pL8vR6xW1yB5'],
    },
  },
  {
    id: 'sentry-dsn',
    title: 'Sentry DSN',
    pattern: /^https:\/\/[0-9a-f]{32}@(?:o[0-9]{1,12}\.)?ingest(?:\.[a-z]{2})?\.sentry\.io\/[0-9]{1,12}$/,
    why: 'A Sentry DSN is designed to be embedded in client code.',
    samples: {
      positive: ['https://0fa4e0000fa4e0000fa4e0000fa4e000@o12345.ingest.sentry.io/67890'],
      negative: ['https://user:pass@example.com/'],
    },
  },
  {
    id: 'public-key-block',
    title: 'Public key or certificate',
    pattern: /^\s*-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE|PGP PUBLIC KEY BLOCK|X509 CRL)-----/,
    why: 'Public keys and certificates are meant to be shared.',
    samples: {
      positive: ['-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----'],
      negative: ['-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----'],
    },
  },
  {
    id: 'ssh-public-key',
    title: 'OpenSSH public key',
    pattern:
      /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-ssh-ed25519@openssh\.com) AAAA[A-Za-z0-9+/=]{20,}/,
    why: 'Public keys are meant to be shared.',
    samples: {
      positive: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFakeFake user@host'],
      negative: ['-----BEGIN OPENSSH PRIVATE KEY-----'],
    },
  },
];

/**
 * Values public only in their context: a Google `AIza…` key inside a Firebase web config object
 * (with `authDomain`, `projectId`, `storageBucket`, `messagingSenderId`, `appId`, …). Firebase documents
 * that this key only identifies the project to Google and ships to every browser; access is enforced
 * by Security Rules and App Check. The same key shape anywhere else is still reported.
 */
export const contextPublicIdentifiers: readonly ContextPublicIdentifier[] = [
  {
    id: 'firebase-web-api-key',
    title: 'Firebase web config apiKey',
    pattern: /^AIza[0-9A-Za-z_-]{35}$/,
    property: 'api_key',
    siblings: [
      'authDomain',
      'projectId',
      'storageBucket',
      'messagingSenderId',
      'appId',
      'measurementId',
      'databaseURL',
    ],
    minSiblings: 2,
    why: 'A Firebase web apiKey identifies the project and is meant to ship to browsers.',
    samples: {
      positive: [
        '{"apiKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","authDomain":"shop.firebaseapp.com","projectId":"shop"}',
        '{"apiKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","appId":"1:2:web:3","messagingSenderId":"2","storageBucket":"shop.appspot.com"}',
      ],
      negative: [
        '{"apiKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","projectId":"shop"}',
        '{"mapsKey":"AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF","authDomain":"shop.firebaseapp.com","projectId":"shop"}',
        '{"apiKey":"sk_live_fAkE0q9Zt7sK2mN4pL8vR6xW1yB5","authDomain":"shop.firebaseapp.com","projectId":"shop"}',
      ],
    },
  },
];
