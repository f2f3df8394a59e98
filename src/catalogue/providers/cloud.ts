/* eslint-disable keyhygiene/no-hardcoded-key -- every sample below is fake, made up for this catalogue */
/**
 * Cloud platforms: AWS, Google Cloud, Azure, DigitalOcean, Heroku, Cloudflare, Vercel, Netlify, Fly.io and
 * smaller hosts. Facts about each format (prefix, length, alphabet) come from the `provenance` page; the
 * regexes and samples are our own, and every sample value is FAKE (random characters in the right shape).
 *
 * ReDoS rule: bounded quantifiers over single character classes, no nested quantifiers.
 */
import type { CredentialFormat } from '../types.js';
import { looksGenerated, mixedCaseBody } from './shapes.js';

export const cloudFormats = [
  {
    id: 'aws-session-token',
    title: 'AWS temporary session token',
    provider: 'aws',
    kind: 'token',
    severity: 'high',
    // A session token is base64 of a serialised structure whose first bytes are fixed, so its text starts
    // with one of these two runs (older STS tokens and current ones).
    keywords: ['iqojb3jpz2lux2vj', 'fwogzxivyxdz'],
    pattern: /(?<![A-Za-z0-9+/])((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz)[A-Za-z0-9+/]{100,1400}={0,2})(?![A-Za-z0-9+/=])/g,
    rotate:
      'Revoke the role session (deny tokens issued before now on the role) and stop copying session tokens into files.',
    provenance: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html',
    samples: {
      positive: [
        'aws_session_token = IQoJb3JpZ2luX2VjpY1UYrztFnzW0FvoA8c6ykSlnihSNwdKBK32QFBtgRRDbTEKmU5s25gBSGHDYH5YgoVA' +
          'CgJqC5UUn6T1/v9TqJ/nuSqxeorN3+1AbX2Rfkcdr3FskjR1B3KdJePIgcZcqdOb7L5hjsW0htEMY3Tpr0DP/HZZSg5rq3tj4IYNechS' +
          'hnMqwEROMYzrE1V9zZh04lGKourJX/StKMjSKgkMIz9Z3BXWKxkBwW4D50NlwDNzgW8I+PZJSo5nHna4//L46wI0r8KS3XFFRF98opzj' +
          'zeAO5CKo8qKvhaC5ad2tK5e4',
        'AWS_SESSION_TOKEN="FwoGZXIvYXdzfiy11FjoDvc5c2tgTh7+uRz5BcqvU7Xc3JHP546wLbp/00+l5SvnvRAvkZG15bC0tOX5UtZuF' +
          'uprw5OkKVQCds6dbHOaBf0TKAhkhEBTHeOb92lGgExWknPzE3RCXJ1UAkyE/MCUPs47rUF5kjzq6bnG76jzNUvSrhHsLo3Fj2kjHihYr' +
          'redyr/EOxC5A3zP7OgGWCFCX22t6WXYZfTIuxhuyC/e=="',
      ],
      negative: [
        'IQoJb3JpZ2luX2VjAa1PRX/w7WY/r1qYvKKjtDkaSTqYW0zHr6Cy7lIB',
        'aws_session_token = gLwSLpr+OBYYWybSQdCFIk9hzbtL6mD5UJ5TraAMeRt7DSDJX1bOGHehF/Sdi3zh7f2Ry8Svt2TryMpwMiil' +
          'ZE0xJBcUX1Sq0TKTnUMCc7zaj+CjMPFoJK4uhwChJHQK2zyeQGVgnFOHqe3ozRmBDMBY/mQD9gSrBMlCVeDV11nahVeADu9yVF6My8zz' +
          'qSl2qnNoB3kJQ4FwJyjnMfkGV/NxbL5gIjFhcGUHcKCJsKY1i1VPpbr1urrxafnzTi9qUxyoW7XCr7CpHHiMxfE1QrvIMnT1Bfgi1j6D' +
          'BMSB15Jr',
        'The token starts with IQoJb3JpZ2luX2Vj in every region.',
      ],
    },
  },
  {
    id: 'gcp-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'google',
    kind: 'credential',
    severity: 'high',
    keywords: ['gocspx-'],
    pattern: /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/g,
    rotate: 'Add a new client secret in the Google Cloud console, deploy it, then disable the old one.',
    provenance: 'https://developers.google.com/identity/protocols/oauth2',
    samples: {
      positive: ['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', '"client_secret": "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"'],
      negative: [
        'GOCSPX-Ir6jbJsiS3hUrGmxEzaI',
        '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hY98',
        'client secrets start with GOCSPX-',
      ],
    },
  },
  {
    id: 'gcp-oauth-access-token',
    title: 'Google OAuth access token',
    provider: 'google',
    kind: 'token',
    severity: 'medium',
    keywords: ['ya29.'],
    pattern: /\b(ya29\.[A-Za-z0-9_-]{50,2048})(?![A-Za-z0-9_.-])/g,
    rotate: 'Revoke the token at https://oauth2.googleapis.com/revoke; access tokens also expire within an hour.',
    provenance: 'https://developers.google.com/identity/protocols/oauth2',
    samples: {
      positive: [
        'Authorization: Bearer ya29.y53rhtpcvoIypQPvmKsuovV5gLllwrgipgNL3A4_01homgss-gzMpNL13SrthUZqqVXWMuQaNmtYN' +
          'T4qHnOOdZLNuofrnoeDRU2_b3FV9fyRiAN-J7EDPKne',
        'const token = "ya29.a08aq5hv5JJnWVZD233CTv6fi4FVJJOwnz3HnpHJm6lQIqU1m26HNdsoXjtlsZ-EiTb0mHvr2ahb5sT5QA-d' +
          'Kk3P0_HhPAuegNb_bCEnoxyGE6t-cJXiJjX7JoPqyDj_u6LZ2m5nxmUnS-oOzydM8G6OjICZ_wEzybNv2fZFy6iwvpuil44Dnr";',
      ],
      negative: ['ya29.eCxmH-jC1VGHFNnp3q-v', 'tokens look like ya29. followed by base64url'],
    },
  },
  {
    id: 'gcp-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    provider: 'google',
    kind: 'token',
    severity: 'high',
    keywords: ['1//0'],
    pattern: /(?<![A-Za-z0-9_/-])(1\/\/0[A-Za-z0-9_-]{40,512})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the refresh token (Google account permissions page or the revoke endpoint) and re-consent.',
    provenance: 'https://developers.google.com/identity/protocols/oauth2/web-server#offline',
    samples: {
      positive: [
        '"refresh_token": "1//0gI5yV4VbZ_YTs9EMYqvE0wl8cgQ3XT-5xPNgsOb1ekvkqvP12Hd5u77EwWUu9xy7tVEWGVRazpstFR4aXp' +
          'I-9Coq7-LpPE5Vxskuw"',
        'GOOGLE_REFRESH_TOKEN=1//04Zyi_Uegqp1IZ8oBX1CcCULv-tuiqjVAOokVDCyOSsQUKOgQxILatnJPSgaucM_RME3lY5FR80SdkZj' +
          '5eMDyHD11DsfnpYUod',
      ],
      negative: [
        '1//00bj3oxayjhfjoYU7l8lG',
        'https://example.org/path1//01rnsQOSiHOEJIYCY-W6gkYELnboiCZLI2pZGRlF0FiuLipBD5bhtxEG-OzX3',
        'see 1//0 prefix',
      ],
    },
  },
  {
    id: 'azure-storage-account-key',
    title: 'Azure storage account key',
    provider: 'azure',
    kind: 'credential',
    severity: 'critical',
    keywords: ['accountkey='],
    // A storage account key is 64 random bytes in base64: 86 characters and `==`.
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/g,
    // The well-known keys of the local emulators (Azurite's devstoreaccount1, the Cosmos DB emulator) are
    // published by Microsoft and grant nothing outside the developer's machine.
    examples: [
      'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
      'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
    ],
    rotate: 'Rotate the storage account key (key1/key2) in the portal and move clients to Entra ID or SAS.',
    provenance: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage',
    samples: {
      positive: [
        'DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=v18kX0n1gjHECENWeNzkNTcvAIcY/phMSuyl4yqYH' +
          '0/i8/XFIuw2AFwwHrIkPt+S05bQQ5RIcHFPK/ckUXX2VH==;EndpointSuffix=core.windows.net',
        'AccountKey=JVUR4hJ/doYtp5n+VlGJs7GAd953PmmJxhX/VaDDk5TVLSi4RyqKco6wLpNkkvEkDE1JHsmuAyefriUiogd9rd==',
      ],
      negative: [
        'AccountKey=JWTA7Kso/Kinx+cbcQ3QxRqKGtpIfwShK9rk6quw==',
        'AccountKey=${AZURE_STORAGE_KEY}',
        'AccountName=devstoreaccount1;AccountKey=',
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OU' +
          'zFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccou' +
          'nt1;',
        'AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqo' +
          'bD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
      ],
    },
  },
  {
    id: 'azure-cosmosdb-key',
    title: 'Azure Cosmos DB account key (named)',
    provider: 'azure',
    kind: 'credential',
    severity: 'critical',
    keywords: ['cosmos'],
    pattern: /(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/g,
    context: /cosmos.{0,30}(?:key|token|secret)/i,
    // The Cosmos DB emulator's published key.
    examples: ['C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='],
    rotate: 'Regenerate the primary or secondary key of the account in the portal and prefer Entra ID RBAC.',
    provenance: 'https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data',
    samples: {
      positive: [
        'COSMOS_KEY=U2hUEKHGmTf/C59t/AB3YyoGHk1EioQOZ/qbEc29chOnQy1IbTtyAwPsFHbDmlXVXiZrFuSyCkdCG93rx1Rl9t==',
        'cosmosPrimaryKey: "ADFC36Rs+xmapkkSKwvlkAnozv1xLsh83SaRlxII/X/2QG6T2vcoihJQrBhMb4aopf15P2eVm26Gx4NjMcxebF=="',
      ],
      negative: [
        'COSMOS_KEY=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
        'COSMOS_ENDPOINT=3WfOw4mw4+d8w2K00qFPR+hJ0nEqAkajd7V42NdWPbwJweo/W047ZBaKU/jLvsmq2ZPI/yqyLjlZlu+JefQIsF==',
        'COSMOS_KEY=Cl5zzrH4GLgUkR/n+qN8RXLWdi0HLhJY6WPP12qc==',
      ],
    },
  },
  {
    id: 'azure-entra-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    provider: 'azure',
    kind: 'credential',
    severity: 'high',
    keywords: ['q~'],
    // Current client secrets: three characters, a digit, `Q~`, then 31 to 34 characters.
    pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
    rotate:
      'Delete the secret under the app registration, add a new one, or switch to a certificate or managed identity.',
    provenance: 'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials',
    samples: {
      positive: [
        'AZURE_CLIENT_SECRET=y4I8Q~gBk7TWiWe0ELeFRuUasUVrgN3yosaFc',
        'clientSecret: "aJJ2Q~dJxFzxAWVkXdqceYE9XQB0oHpifxuM8F1J"',
      ],
      negative: ['HUH8Q~YJNV1awerzbl', 'O2t8Q-DbZErfRMWFWvKiIzxZJDdFVO9OgutMv', 'home~/Q~'],
    },
  },
  {
    id: 'azure-client-secret-legacy',
    title: 'Azure client secret (older 32-44 character form, named)',
    provider: 'azure',
    kind: 'credential',
    severity: 'high',
    keywords: ['azure', 'client_secret', 'clientsecret'],
    pattern: /(?<![A-Za-z0-9_.~+/-])([A-Za-z0-9_.~+/-]{32,44}={0,2})(?![A-Za-z0-9_.~+/=-])/g,
    context: /azure.{0,20}client.?secret|arm.?client.?secret/i,
    validate: looksGenerated,
    rotate: 'Delete the secret under the app registration and add a new one from a secret store.',
    provenance: 'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials',
    samples: {
      positive: [
        'var azureClientSecret := "4BDJfDSJKUT2JoPgDSKtao6sFJlxHX10F4HsUn0Z"',
        'ARM_CLIENT_SECRET=Jhb2lwei7CtIStOB3Vc4HtiiWwu9hTz7aV',
      ],
      negative: [
        'AZURE_CLIENT_SECRET_FILE=/var/run/secrets/azure/client-secret',
        'AZURE_CLIENT_SECRET=By2lykju1Xi3',
        'clientSecretRef = "ny7ljoJsjZrvX9lFqelDbzE3QM1R3qt3cw4VexgW"',
        'AZURE_CLIENT_ID=b998833d-0ac4-49bc-a1a6-59503392c2e0',
      ],
    },
  },
  {
    id: 'azure-sas-token',
    title: 'Azure shared access signature',
    provider: 'azure',
    kind: 'token',
    severity: 'high',
    keywords: ['sig='],
    // The signature is the last part of a SAS query: `sv=<version>&…&sig=<url-encoded base64 HMAC>`.
    pattern: /\bsv=\d{4}-\d{2}-\d{2}&[A-Za-z0-9=&%:._-]{0,300}?\bsig=([A-Za-z0-9%+/]{40,100}(?:%3D|=){0,2})/g,
    rotate:
      'Rotate the account key that signed the SAS (or revoke its stored access policy) and issue a short-lived one.',
    provenance: 'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas',
    samples: {
      positive: [
        'https://shop.blob.core.windows.net/media?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig=Pq' +
          'q5cnQDGEShNdL03RVQqyYWxRH5XO9NUdQhINLvUeX%3D',
        'SAS=sv=2021-08-06&sr=c&sp=r&sig=E1bwxuZkyNXASCRl835KZrsE+Y+01tzrSfyeA9mCkWy=',
      ],
      negative: ['?sv=2022-11-02&sp=r&sig=abc', 'sig=Hbfvr2B7ANpI6YyJJJ2PHhXt5rfnKoOsffj17gthxTf%3D without a version'],
    },
  },
  {
    id: 'azure-service-bus-key',
    title: 'Azure Service Bus or Event Hubs shared access key',
    provider: 'azure',
    kind: 'credential',
    severity: 'high',
    keywords: ['sharedaccesskey='],
    pattern: /SharedAccessKey=([A-Za-z0-9+/]{43}=)/g,
    rotate: 'Regenerate the shared access policy key in the namespace and prefer Entra ID authentication.',
    provenance: 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas',
    samples: {
      positive: [
        'Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey' +
          '=9lj293C3zeCg52kqWEsJSxHyQk7sRg8Qayk+g2yKzkF=',
        'SharedAccessKey=w1WgYkQR2M9g/ERW5ehT6gVcr5NwLmkXhHnMMX/TJv/=;EntityPath=orders',
      ],
      negative: [
        'SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=',
        'SharedAccessKey=V7ywkz8GH6CTkEllEP7d=',
      ],
    },
  },
  {
    id: 'azure-app-configuration-secret',
    title: 'Azure App Configuration access key',
    provider: 'azure',
    kind: 'credential',
    severity: 'high',
    keywords: ['azconfig.io'],
    pattern:
      /Endpoint=https:\/\/[a-z0-9-]{1,50}\.azconfig\.io;Id=[A-Za-z0-9+/=:-]{1,40};Secret=([A-Za-z0-9+/]{40,60}={0,2})/g,
    rotate: 'Regenerate the access key of the App Configuration store and move readers to managed identity.',
    provenance: 'https://learn.microsoft.com/en-us/azure/azure-app-configuration/rest-api-authentication-hmac',
    samples: {
      positive: [
        'Endpoint=https://shop-config.azconfig.io;Id=bc82-l0-s0:bUAc3mFl3hVslrUdDBKA;Secret=tVEDY3zuIzZrQV+G+lljD' +
          'JX/0UEz/fjR2cGIuARIPNu=',
        'APP_CONFIG="Endpoint=https://cfg.azconfig.io;Id=BS1gRa9D9j1y;Secret=1o9ht+0zKmmcRAgKjoYYR1FgSwh/37nLZODl' +
          'P6O/4uqo"',
      ],
      negative: ['Endpoint=https://cfg.azconfig.io;Id=abc;Secret=', 'https://cfg.azconfig.io'],
    },
  },
  {
    id: 'azure-devops-pat',
    title: 'Azure DevOps personal access token (52 characters, named)',
    provider: 'azure',
    kind: 'token',
    severity: 'high',
    keywords: ['devops', 'azdo', 'vsts'],
    pattern: /(?<![a-z0-9])([a-z2-7]{52})(?![a-z0-9])/g,
    context: /(?:azure.?devops|azdo|vsts|devops).{0,20}(?:pat|token|password)/i,
    rotate: 'Revoke the PAT in Azure DevOps user settings and use a scoped, short-lived token or a service connection.',
    provenance:
      'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authen' +
      'ticate',
    samples: {
      positive: [
        'VSTS_TOKEN=vnp7hr5cd6jjuxgqmhs6qs4blns4jajhh3lwhan7flovguyuvrv5',
        'AZURE_DEVOPS_PAT=cfbwebvhvlhj5t7uq62kqxkfd5kvpdmr6f4di34owo4b2xjkvbbb',
        'azdo_token: "rnzu3jd2d4mgqzta57zxpvkrmgwqh62cyfckuzcj527ghrqbqp7q"',
      ],
      negative: [
        'AZURE_DEVOPS_PAT=ng5zraji7jvls3vily4spxwrxt4vpwfhfvajtnro',
        'commit g3e3mun7bu5tpiq726le43fshvxp2mrkx6britnod2yg6ne5bdkz',
        'AZURE_DEVOPS_PAT=AUGCOQ7BTGM7N7HGH3D8LMTWYILYBPSP487BC4HT61OGUF97KYYI',
      ],
    },
  },
  {
    id: 'digitalocean-pat',
    title: 'DigitalOcean personal access token',
    provider: 'digitalocean',
    kind: 'token',
    severity: 'critical',
    keywords: ['dop_v1_'],
    pattern: /\b(dop_v1_[a-f0-9]{64})\b/g,
    rotate: 'Delete the token under API > Tokens and create a scoped one with an expiry.',
    provenance: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
    samples: {
      positive: [
        'DIGITALOCEAN_TOKEN=dop_v1_801256d55359ea6bbd4290f51a284e255a0db9a2bac991c8186ccb683636053d',
        'token = "dop_v1_0d7ab3b33f2d641326160c76e153987181f26c9a9e2337eeb8aa1312931ba423"',
      ],
      negative: [
        'dop_v1_27404f1025a60e3c7be49fecf3b32495f8bc5c0060e4d0afdd07e002f4ac',
        'dop_v1_6368FBEDB4130292529DDFAC06BC9A91A89B5C9AC4A35A138ACAECE00A444B5B',
        'prefix dop_v1_ marks personal tokens',
      ],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    title: 'DigitalOcean OAuth access token',
    provider: 'digitalocean',
    kind: 'token',
    severity: 'high',
    keywords: ['doo_v1_'],
    pattern: /\b(doo_v1_[a-f0-9]{64})\b/g,
    rotate: 'Revoke the OAuth token (POST /v1/oauth/revoke) and re-authorise the application.',
    provenance: 'https://docs.digitalocean.com/reference/api/oauth/',
    samples: {
      positive: [
        'doo_v1_cf9ef7d69895082a350a1b66f42b212c40bdf43377471f2ddea9cade036ba0b8',
        'access_token: doo_v1_9e2ee1dc3e02f9d376c0443f87d53030e462e05b07a8f5bf1312485aa546db37',
      ],
      negative: [
        'doo_v1_1233f173c78f5fdb118b83a5eb033b17d6f7b2b8b49532e8befec2a626493e0',
        'doo_v1_xm053502e3g3wge5siq8b4c70aynqarzk5u5cpb9fyxqcipx0o90tgdntb689ll7',
      ],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    title: 'DigitalOcean OAuth refresh token',
    provider: 'digitalocean',
    kind: 'token',
    severity: 'high',
    keywords: ['dor_v1_'],
    pattern: /\b(dor_v1_[a-f0-9]{64})\b/g,
    rotate: 'Revoke the OAuth grant in DigitalOcean and re-authorise the application.',
    provenance: 'https://docs.digitalocean.com/reference/api/oauth/',
    samples: {
      positive: [
        'dor_v1_8b43660652ea0bdf8431ac008388485577af46b3ad189512385304507dcd6502',
        '{"refresh_token":"dor_v1_b717d18196fc36d944bb7b6bdd300762e45f2e4dc90bcc34e3d2790219a51d9f"}',
      ],
      negative: ['dor_v1_817093777193d7d6324a717b58d838e3', 'dor_v1_'],
    },
  },
  {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    provider: 'heroku',
    kind: 'credential',
    severity: 'high',
    keywords: ['hrku-'],
    // Length is not documented; the keys seen are `HRKU-` and 60 to 65 characters.
    pattern: /\b(HRKU-[A-Za-z0-9_-]{40,80})(?![A-Za-z0-9_-])/g,
    rotate:
      'Regenerate the API key (heroku authorizations:rotate or account settings) and use short-lived OAuth tokens.',
    provenance: 'https://devcenter.heroku.com/articles/authentication',
    samples: {
      positive: [
        'HEROKU_API_KEY=HRKU-AASWa1oB6vrGwCOfjP_4FUHvu58ThUGjCW5S_bnLQZIpL8sV30jEFhnGYxcb',
        'heroku_key = "HRKU-SO0FU9lSC3myFuLXZcj4oSwc0p8Pirg_kDYX5Tkx1bw9u4VBEIoAdhbp7hQP"',
      ],
      negative: ['HRKU-ya2msaJ20rqTnHNnlFE-', 'heroku keys start with HRKU-'],
    },
  },
  {
    id: 'heroku-api-key-legacy',
    title: 'Heroku API key (older UUID form, named)',
    provider: 'heroku',
    kind: 'credential',
    severity: 'high',
    keywords: ['heroku'],
    pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
    context: /heroku.{0,20}(?:api.?key|token|password|auth)/i,
    rotate: 'Regenerate the API key in Heroku account settings.',
    provenance: 'https://devcenter.heroku.com/articles/authentication',
    samples: {
      positive: [
        'HEROKU_API_KEY=769f0d78-38d8-46ff-acc9-13bdf7918839',
        'heroku auth token: 1c149e84-207d-4f3a-a2bc-2c9e6a66c3b5',
      ],
      negative: [
        'HEROKU_APP_ID=0bbb5cad-804b-41d5-ac1e-1569e20d2e9d',
        'request id 64bd700f-8d0c-44c0-afe0-c61dfbb07763',
        'HEROKU_API_KEY=4312c0de536a56e129b7a8a9d0d8aec4',
      ],
    },
  },
  {
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token (user or account)',
    provider: 'cloudflare',
    kind: 'token',
    severity: 'high',
    keywords: ['cfut_', 'cfat_'],
    // Prefix, 40 characters, then a checksum; the checksum algorithm is not documented, so it is not checked.
    pattern: /\b(cf(?:ut|at)_[A-Za-z0-9]{40}[a-f0-9]{8})\b/g,
    rotate: 'Roll the token in the Cloudflare dashboard (My Profile or Account > API Tokens).',
    provenance: 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/',
    samples: {
      positive: [
        'CLOUDFLARE_API_TOKEN=cfat_iwBc5ckWWrrItc5UInxh9I9DVGbOm2oAPG6Iw0WO42bb9ae1',
        'cfut_zTBZGb7zpld922Sy7BR1LNWE8kwRFMffSYA87sXf148b6483',
      ],
      negative: [
        'cfut_QTCPc3VbH8ctFgoSlBCs',
        'xcfat_jYox6RPV70HXM1LKydYh5sDgWvhi75jicm6Dviuz496f61ee',
        'cfat_Mg54v20AtZlY4DB6hU3C9QnYJ6tDw7zof0uDffGi08b4c238Z',
      ],
    },
  },
  {
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare global API key',
    provider: 'cloudflare',
    kind: 'credential',
    severity: 'critical',
    keywords: ['cfk_'],
    pattern: /\b(cfk_[A-Za-z0-9]{40}[a-f0-9]{8})\b/g,
    rotate: 'Change the global API key under My Profile > API Tokens and move automation to scoped API tokens.',
    provenance: 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/',
    samples: {
      positive: [
        'cfk_HVYRj7twlYFk6XtoHve0BXTaGuszopARYOCVpc6B39999d4f',
        'CF_API_KEY="cfk_RHrHTlraOrgaQY9mMjHeWlgMtw0Ch6N7GfsWgoRfbd7c925a"',
      ],
      negative: ['cfk_wNCdZUCg92fKICq3S2lB8FpD93sX5H0QA1EJGPuu', 'cf_UwLburwZSc5AkRkQT1e5QtpTXxGaDgMRPCd9pPpa30855c9b'],
    },
  },
  {
    id: 'cloudflare-global-api-key-legacy',
    title: 'Cloudflare global API key (older 37-hex form, named)',
    provider: 'cloudflare',
    kind: 'credential',
    severity: 'critical',
    keywords: ['cloudflare_api_key', 'cloudflare_global', 'cloudflareapikey', 'cf_api_key'],
    pattern: /(?<![a-f0-9])([a-f0-9]{37})(?![a-f0-9])/g,
    context: /(?:cloudflare|\bcf).{0,20}(?:api.?key|global|auth.?key)/i,
    rotate: 'Change the global API key under My Profile > API Tokens and move automation to scoped API tokens.',
    provenance: 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
    samples: {
      positive: [
        'CLOUDFLARE_GLOBAL_API_KEY=076389d45e76d3dd40d64378f244b81cde514',
        'cloudflareApiKey = "15aaeaaa3f42df7b059417804ba646d990dec"',
        'CLOUDFLARE_API_KEY=d9c9b27a2e7aec604021f8f23077cd50c5bda',
        'CF_API_KEY: "229f05dee6aabf5d87c0516834c08e0f811a3"',
      ],
      negative: [
        'CLOUDFLARE_API_KEY=47dd0e03a577bae9e539b91bd3293ee9',
        'CLOUDFLARE_ZONE_ID=6a192a3832baef9021e2e9093f7c36a9a517e',
        'sha dfa5cad865cca329dc5b0aedfc04bef93a2e0',
      ],
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    provider: 'cloudflare',
    kind: 'credential',
    severity: 'high',
    keywords: ['v1.0-'],
    pattern: /\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b/g,
    rotate: 'Change the Origin CA key in the Cloudflare dashboard.',
    provenance: 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/',
    samples: {
      positive: [
        'CF_ORIGIN_CA_KEY=v1.0-b011bc5318722306549e48f0-49442f1f68d2a4d75b6aed200936203b2d4bf5fcd746f82d22bb857f6' +
          'c1e3daf0aa4486e0748f944dfc1510ead4a15bf4cc56194525bec3c917e54b677855f7f1a2ec03921ff3cf711',
        'v1.0-c7ba7596a402f7d8155881e6-07708890d4f580ff05d4b8332b55f64831b04cd11b2231856bf9f335b0f83408704f2fba81' +
          '82c18120a01a15d31f6c8705d5f0c55ab2a7e7ee45911df9b83ccc355f725e777979c49f',
      ],
      negative: ['v1.0-6e30a9b9b04299b9f1360de4-388c78df70558b148ea43062507513c65c192d03', 'version v1.0-beta'],
    },
  },
  {
    id: 'vercel-personal-token',
    title: 'Vercel personal access token',
    provider: 'vercel',
    kind: 'token',
    severity: 'high',
    keywords: ['vcp_'],
    // The changelog names the prefixes but not the length or checksum, so neither is checked.
    pattern: /\b(vcp_[A-Za-z0-9]{24,72})\b/g,
    validate: mixedCaseBody,
    rotate: 'Delete the token at vercel.com/account/tokens and use a project-scoped token with an expiry.',
    provenance: 'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
    samples: {
      positive: [
        'VERCEL_TOKEN=vcp_jN5qTyScnQcI5zkuf2hVdJ84EYJ1641XjbRV7Mdb',
        'vcp_63UrzV2xY50SdydarG5Kh59jOFFLGyRR8v8rm3fQXiDQsriYoNi8v4Yo',
      ],
      negative: ['vcp_abc', 'vcp_YGAP2Nbwxdh3', 'vcp_fa50e85bfc9bf3ed67e30d468342b640722a2e122ca17119'],
    },
  },
  {
    id: 'vercel-integration-token',
    title: 'Vercel integration token',
    provider: 'vercel',
    kind: 'token',
    severity: 'high',
    keywords: ['vci_'],
    pattern: /\b(vci_[A-Za-z0-9]{24,72})\b/g,
    validate: mixedCaseBody,
    rotate: 'Remove the integration or its token in the Vercel dashboard.',
    provenance: 'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
    samples: {
      positive: [
        'vci_pOxhgJn6NSK5p5YlhrOZusdWn62MYTBunvcjR895',
        'token: vci_y7zTd1WMF3vYNeLWvdtf4pZFNQUwMhUU9I15VPttRQH2E7RI',
      ],
      negative: [
        'vci_q7lCo3tqw9',
        'avci_DEfvJ7FekuhB3zb5cBTBbRcPADjb00kH1kSSOBLn',
        // A lower-case hex body: another vendor's OAuth client id under the same prefix.
        'const CLIENT_ID = "vci_1b67feb1a368dde98dcd796bb9ca1aad9e606fa68ef0167e";',
      ],
    },
  },
  {
    id: 'vercel-app-token',
    title: 'Vercel app access or refresh token',
    provider: 'vercel',
    kind: 'token',
    severity: 'high',
    keywords: ['vca_', 'vcr_'],
    pattern: /\b(vc[ar]_[A-Za-z0-9]{24,72})\b/g,
    validate: mixedCaseBody,
    rotate: 'Revoke the token at the Vercel OAuth revoke endpoint and re-authorise the app.',
    provenance: 'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
    samples: {
      positive: [
        'vca_nuHd2T4XrhB5M5QFuv3mAz4F6CLm6v8kJAOGDOHM6rIz5PEGNr6Df0PC',
        'refresh=vcr_SJaqSIz3B0eBMR2mPBUA6LtK8nOt67w5C7I9g7OV',
      ],
      negative: [
        'vca_XdOxJmNV',
        'vcx_VMR17bZJysgEzaAgTmwuIMPkC4fk2HAuqHMfvqWA',
        'vcr_56e15b4ff6ee9f323c0df1eb89aa98970af6f930',
      ],
    },
  },
  {
    id: 'vercel-api-key',
    title: 'Vercel API key',
    provider: 'vercel',
    kind: 'credential',
    severity: 'high',
    keywords: ['vck_'],
    pattern: /\b(vck_[A-Za-z0-9]{24,72})\b/g,
    validate: mixedCaseBody,
    rotate: 'Delete the API key in the Vercel dashboard and create a new one.',
    provenance: 'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
    samples: {
      positive: [
        'AI_GATEWAY_API_KEY=vck_5PWMftQpK6AOkKhsYHpT16bN3AHUlG0GIa7L2TPV',
        'vck_uPpX5nbQ9j507JEhUbwK8yz1NH42qYDZs19Ydoo5q4pwB4BxsbJh6pDjTszHblcB',
      ],
      negative: ['vck_80mvRTCZHwqV9mKE', 'vck_ keys', 'vck_9e606fa68ef0167e56e15b4ff6ee9f323c0df1eb'],
    },
  },
  {
    id: 'vercel-token-legacy',
    title: 'Vercel access token (older 24-character form, named)',
    provider: 'vercel',
    kind: 'token',
    severity: 'high',
    keywords: ['vercel_token', 'vercel_api', 'vercel_auth', 'verceltoken', 'vercel auth'],
    pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{24})(?![A-Za-z0-9])/g,
    context: /vercel.{0,20}(?:token|api.?key|auth)/i,
    validate: looksGenerated,
    rotate: 'Delete the token at vercel.com/account/tokens and use a project-scoped token with an expiry.',
    provenance: 'https://vercel.com/docs/rest-api#creating-an-access-token',
    samples: {
      positive: [
        'VERCEL_API_TOKEN=SviAgFucip1OCtZwuVJMUZuq',
        'VERCEL_AUTH=zzwrbd3jlfmKA7ZcwulhKcDa',
        'vercelToken: "YflgIOPiZly4kvU1QCJ82Ovj"',
        'VERCEL_TOKEN=rdnWykaJ7Wyk5d8xfLVei4gC',
        'vercel auth token "ciSH7I8gRNsIbuXpOD4eBo69"',
      ],
      negative: [
        'VERCEL_TOKEN=NhEJ5qTW8GILhwIfTgvT0zU7IMXPs2',
        'VERCEL_ORG_ID=ESLJFHUaPqVyJ3UjAAjO6XFc',
        'token WQPshe4WwzFMnfcVnifYP3cZ',
      ],
    },
  },
  {
    id: 'netlify-token',
    title: 'Netlify personal access token (named)',
    provider: 'netlify',
    kind: 'token',
    severity: 'high',
    keywords: ['netlify_auth', 'netlify_token', 'netlify_api', 'netlifyauth', 'netlifytoken'],
    pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{40,46})(?![A-Za-z0-9_-])/g,
    context: /netlify.{0,20}(?:token|auth|api.?key)/i,
    validate: looksGenerated,
    rotate: 'Revoke the token under User settings > Applications and create a new one with an expiry.',
    provenance: 'https://docs.netlify.com/api/get-started/#authentication',
    samples: {
      positive: [
        'NETLIFY_API_TOKEN=ezFdfLzGClpVXhWzJxQwdwCB6aoIfrjT6e99OsTYzGc',
        'netlifyAuthToken = "7qwuII3W7m4I-_CL5gHTpIOFxXp36pCAfhZkwte4wgR"',
        'netlifyToken: "hNYKceDvndzdOdZ2B9EV7P0Nmz7J3OBtdp4bD565eY9"',
        'NETLIFY_AUTH_TOKEN=m0-xbbOV8Q7Radw_Z4C7NB5hQyD5BsEvwTso0pVQ83R',
        'netlify_token: nfp_NIdzLDFyG1o6qo48fuknXTitbXPgWdiyRn312ZJc',
      ],
      negative: [
        'NETLIFY_AUTH_TOKEN=LOk3xEn3GPVPzkuzFzqq',
        'NETLIFY_SITE_ID=kUveP1-vXwKuHsmpDk3L-t_Y3uIrBGPQKlBbjuWd6Su',
      ],
    },
  },
  {
    id: 'fly-io-token',
    title: 'Fly.io access token',
    provider: 'fly',
    kind: 'token',
    severity: 'high',
    keywords: ['fm1a_', 'fm1r_', 'fm2_', 'fo1_'],
    pattern: /\b((?:fm1[ar]|fm2|fo1)_[A-Za-z0-9+/_-]{40,4096}={0,2})(?![A-Za-z0-9+/_=-])/g,
    rotate: 'Revoke the token with `fly tokens revoke` and issue a scoped deploy token.',
    provenance: 'https://fly.io/docs/security/tokens/',
    samples: {
      positive: [
        'fm1a_hYSXbnIU1kuceaUUavIqNPjLMsGLbCnfu4C4OQNJgVZC0dX9JDo3udKm4WO21I0TrTfe8O6MfVhzVexV5oMo1IpUS8HcjG4Ypzq' +
          '/QNZWYdxLBpkzxULo2p+P',
        'fm1r_sSNH9ElzD1V-J-tj-dFKM3-lrdUxfQLr2uaMKLwA0jP4hn83EYQxX4IGzLBAWLmjamqYNsADLKOdn5YpfhCeIPolGT',
        'FLY_API_TOKEN="FlyV1 fm2_I02sjfwlLfYV/+oCiCIvGxTUJ2uE9iUwi6NKUQETFIjUcWjK1qrX6qwWM5ceuMfZBUSSlpsAmHYU8cQ' +
          'nBEGDaFWtHXVGQbBHJf5WaeJYGonPdnH6Po2QwQCN/FuUOTFOcNWuq812wPrdFbSoGqjVdLSARfDaK2o0pDfZ2CX4o8vrklLSNBN5iuz' +
          'WKhAPa5YCI4O5YPYa=="',
        'fo1_41eyqhlBH7m8JomJcpodMD79_2E1AGSlWbtp2z6K82o',
      ],
      negative: ['fm2_rLCrEqpBeu', 'FLY_API_TOKEN=${{ secrets.FLY_API_TOKEN }}'],
    },
  },
  {
    id: 'alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey ID',
    provider: 'alibaba',
    kind: 'credential',
    severity: 'high',
    keywords: ['ltai'],
    pattern: /\b(LTAI[A-Za-z0-9]{12,20})\b/g,
    rotate: 'Disable and delete the AccessKey pair in RAM and use STS or an instance RAM role.',
    provenance: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    samples: {
      positive: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIU53FlfAyWNfwq9rexuOU', 'accessKeyId: "LTAIrKCe0ERSDgNfQLDX"'],
      negative: ['LTAIqsJQgC', 'XLTAIOi5YZhw3bj6C8F1NsXKV'],
    },
  },
  {
    id: 'alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret (named)',
    provider: 'alibaba',
    kind: 'credential',
    severity: 'critical',
    keywords: ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret'],
    pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{30})(?![A-Za-z0-9])/g,
    context: /(?:alibaba|aliyun|alicloud).{0,30}secret|access.?key.?secret/i,
    validate: looksGenerated,
    rotate: 'Disable and delete the AccessKey pair in RAM and use STS or an instance RAM role.',
    provenance: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    samples: {
      positive: [
        'ALIYUN_SECRET=PTSKfMUgIz6CBvM3VHqoUnOffNReBs',
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=jdJJMUeoINseKJXOa8CqHTVRkESyk3',
        'accessKeySecret: "tMQQfzWvUFBLhaxIYU1BBxnx0hEM9e"',
      ],
      negative: ['ALIBABA_CLOUD_REGION=QnIRn1nWy7YPgAEYdHaUr1qJIqRUrP', 'accessKeySecret: "Rv0JQtiXMJXzOMkowwWCCnXS"'],
    },
  },
  {
    id: 'tencent-cloud-secret-id',
    title: 'Tencent Cloud SecretId',
    provider: 'tencent',
    kind: 'credential',
    severity: 'high',
    keywords: ['akid'],
    pattern: /\b(AKID[A-Za-z0-9]{32})\b/g,
    rotate: 'Disable and delete the API key in CAM and use temporary credentials.',
    provenance: 'https://www.tencentcloud.com/document/product/598/32675',
    samples: {
      positive: [
        'TENCENTCLOUD_SECRET_ID=AKIDOWQQsW4FTRZkOeYHbTz7Zo2lsTyjum0u',
        'SecretId: AKIDgDhn3ZwDy89JoxbIgfbTe0H36ImC7mHZ',
      ],
      negative: ['AKIDkF1hN67Nx1vtpZcaQYZO', 'AKIDX'],
    },
  },
  {
    id: 'ibm-cloud-api-key',
    title: 'IBM Cloud API key (named)',
    provider: 'ibm',
    kind: 'credential',
    severity: 'high',
    keywords: ['ibmcloud', 'ibm_cloud', 'ibm_api', 'ibmapi', 'ibm_iam'],
    pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{44})(?![A-Za-z0-9_-])/g,
    context: /ibm.?cloud.{0,20}(?:api.?key|apikey)|ibm.?(?:api.?key|apikey|iam)/i,
    validate: looksGenerated,
    rotate: 'Delete the API key under Manage > Access (IAM) > API keys and create a new one.',
    provenance: 'https://cloud.ibm.com/docs/account?topic=account-userapikey',
    samples: {
      positive: [
        'IBM_CLOUD_API_KEY=yT10w56p4sy8-jAwrwzTOCKTkVS-SxMZWQa1yM5wjXeV',
        'ibmApiKey: "43RvGVb6TjeEMr2iQl3Pfvk04XsSgf6JR58DYI0b0bjZ"',
        'IBM_IAM_APIKEY=L5a-pYmVRg6i2YOhmM7c0ZaVk2HdBkEQdj6oeIuNOmvj',
        'IBMCLOUD_API_KEY=cRUnDpbDcyGjKNsQBzVS6-YDncDw7Bdb5rfCdix0Bjgc',
        'ibm_apikey: "yRrW52OiEdjq6tJiICJjzWV99B_dWI7nRG0-yZch2N6a"',
      ],
      negative: [
        'IBMCLOUD_API_KEY=RD_cu96xPTyS2dzl2QjBNHoyd1Wf_N',
        'IBM_REGION=GQZOPhEbF98Wdg117iIJhThjaUfxhKUNiO6UHPBrBBFe',
      ],
    },
  },
  {
    id: 'linode-token',
    title: 'Linode (Akamai) personal access token (named)',
    provider: 'linode',
    kind: 'token',
    severity: 'high',
    keywords: ['linode'],
    pattern: /(?<![a-f0-9])([a-f0-9]{64})(?![a-f0-9])/g,
    context: /linode.{0,20}(?:token|api.?key|pat)/i,
    rotate: 'Revoke the token in Cloud Manager > API Tokens and create a scoped one with an expiry.',
    provenance: 'https://techdocs.akamai.com/linode-api/reference/get-started',
    samples: {
      positive: [
        'LINODE_TOKEN=f685e652c9f64b81b53f294c91a257922dcf92a22736e39936512104bec995bf',
        'linode_api_key = "bda3070d8e883aec5936c4269680d064c1cc3cb94fe98c36905cf444d9edf34d"',
      ],
      negative: [
        'LINODE_IMAGE_SHA=ac1e76562939ea333df3c6d3652ee2d1aa7ca56f55c650cb9a37196c72c0cd6b',
        'LINODE_TOKEN=ed0375aab55f30fa8c6c6b6292e61589aeb7a7e6',
      ],
    },
  },
  {
    id: 'vultr-api-key',
    title: 'Vultr API key (named)',
    provider: 'vultr',
    kind: 'credential',
    severity: 'high',
    keywords: ['vultr'],
    pattern: /(?<![A-Z0-9])([A-Z0-9]{36})(?![A-Z0-9])/g,
    context: /vultr.{0,20}(?:api.?key|token)/i,
    rotate: 'Regenerate the API key under Account > API and restrict it by IP.',
    provenance: 'https://www.vultr.com/api/',
    samples: {
      positive: [
        'VULTR_API_KEY=SPAWPXP2TFGR1HJ0XRI3PQTKSO3X2BI1YXTV',
        'vultr token: I8UHA7ZSPJXMNTQOSQ04997SO8WXB8TCLVH0',
      ],
      negative: ['VULTR_API_KEY=E3WZL78XNPU13V2U9UFL', 'VULTR_REGION=ZZ9FWQHE049SA684ZMBBB5FUQ18ISL9QGFY3'],
    },
  },
  {
    id: 'scaleway-secret-key',
    title: 'Scaleway API secret key (named)',
    provider: 'scaleway',
    kind: 'credential',
    severity: 'high',
    keywords: ['scw_secret', 'scaleway'],
    pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
    context: /scw.?secret.?key|scaleway.{0,20}secret/i,
    rotate: 'Delete the API key in the Scaleway console (IAM > API keys) and create a new one.',
    provenance: 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/',
    samples: {
      positive: [
        'SCW_SECRET_KEY=f8946caa-0693-4349-ab38-e931aa344b07',
        'scaleway secret: fc3ba546-d7ba-4f0d-a806-0dc51b68ccab',
      ],
      negative: [
        'SCW_DEFAULT_PROJECT_ID=60b13a7c-972f-4f5f-a72a-b6df3fb8b574',
        'SCW_SECRET_KEY=3d8a92c1cc475c4d4cf422ecc3415701',
      ],
    },
  },
  {
    id: 'hetzner-cloud-token',
    title: 'Hetzner Cloud API token (named)',
    provider: 'hetzner',
    kind: 'token',
    severity: 'high',
    keywords: ['hcloud', 'hetzner'],
    pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{64})(?![A-Za-z0-9])/g,
    context: /(?:hcloud|hetzner).{0,20}(?:token|api.?key)/i,
    validate: looksGenerated,
    rotate: 'Delete the token in the Hetzner Cloud console (project > Security > API tokens).',
    provenance: 'https://docs.hetzner.cloud/#authentication',
    samples: {
      positive: [
        'HCLOUD_TOKEN=kc6wQ7ASp9e1EV20V727Vgp0eMNr15SZnBpTmyMyMHWTNTTxhs8RxjmDmScRsJuo',
        'hetzner_api_token = "z7RD19mwctPj4g5D20lYSM0y8X9wYCTMiYDq4qxsd15M3UiKsTouwrM2PNNi5kSc"',
      ],
      negative: [
        'HCLOUD_TOKEN=eLFQFC9yxUUpoZaYTdDg1Mf8r64DQ2y4sAYiNHEI',
        'HCLOUD_IMAGE=fC6wldCrtERkKdMf8dXULT8kBA9slZYMeTEvCkWKLCvARvibF5v7OQZyRAlMzMCu',
      ],
    },
  },
  {
    id: 'render-api-key',
    title: 'Render API key',
    provider: 'render',
    kind: 'credential',
    severity: 'high',
    keywords: ['rnd_'],
    pattern: /\b(rnd_[A-Za-z0-9]{32})\b/g,
    rotate: 'Revoke the key in Render account settings and create a new one.',
    provenance: 'https://render.com/docs/api#1-create-an-api-key',
    samples: {
      positive: ['RENDER_API_KEY=rnd_rj1d4DXctAX1NJ58FQwjiPcnBhZe3183', 'rnd_9lGGmgLdJMHmD28kHpAanDfsuun5kyGj'],
      negative: ['rnd_tyc3YLbzZ3CafKL9B3fi', 'brnd_vVJDDdS8NrcoaVIHPXwVW0lx2rCzncFV'],
    },
  },
  {
    id: 'railway-token',
    title: 'Railway API token (named)',
    provider: 'railway',
    kind: 'token',
    severity: 'high',
    keywords: ['railway'],
    pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
    context: /railway.{0,20}(?:token|api.?key)/i,
    rotate: 'Delete the token in Railway account or project settings and create a new one.',
    provenance: 'https://docs.railway.com/guides/public-api',
    samples: {
      positive: [
        'RAILWAY_TOKEN=7baf5e96-cc3f-4f3a-a2db-79a741d85ad4',
        'railway api key: e7fe261d-55c7-457f-a9f9-9a825ee6879c',
      ],
      negative: ['RAILWAY_PROJECT_ID=8e588534-4f0f-4b76-a68e-b26eed4b0b70', 'RAILWAY_TOKEN=4c8597e3e7b394b1'],
    },
  },
  {
    id: 'yandex-cloud-api-key',
    title: 'Yandex Cloud API key',
    provider: 'yandex',
    kind: 'credential',
    severity: 'high',
    keywords: ['aqvn'],
    pattern: /\b(AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_-])/g,
    rotate: 'Delete the API key of the service account and create a new one.',
    provenance: 'https://yandex.cloud/en/docs/iam/concepts/authorization/api-key',
    samples: {
      positive: ['YC_API_KEY=AQVNHkIqKA53m-Un4tVgzUXL_HPwIJuTc_RjXVeF', 'AQVNq_qLk1OslhoP5hpXzwIxw0LFdcYXDa-irwL51_'],
      negative: ['AQVNaIEaOc-iDLo4rtWnqJZr', 'AQVNxJCI4wCcOxBwpZvilO7BBt27HC43VY1zgIj2E1R-zdYYJr9u__'],
    },
  },
  {
    id: 'yandex-cloud-access-key',
    title: 'Yandex Cloud static access key id',
    provider: 'yandex',
    kind: 'credential',
    severity: 'high',
    keywords: ['ycaj'],
    pattern: /\b(YCAJ[A-Za-z0-9_-]{21})(?![A-Za-z0-9_-])/g,
    rotate: 'Delete the static access key of the service account and create a new one.',
    provenance: 'https://yandex.cloud/en/docs/iam/concepts/authorization/access-key',
    samples: {
      positive: ['aws_access_key_id = YCAJltOKeec7-sXmBIWtNu-E_', 'YCAJ-en6Qpi4BLdu81jsD_NIm'],
      negative: ['YCAJnAk5aBHAAS', 'YCAJuQ1AEt_JTwzuC9QTON1K0fTBtsVYKj'],
    },
  },
] as const satisfies readonly CredentialFormat[];
