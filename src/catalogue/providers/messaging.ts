/* eslint-disable keyhygiene/no-hardcoded-key -- every sample below is fake, made up for this catalogue */
/**
 * Messaging, email and social: Slack (beyond `credentials.ts`), Discord, Telegram, Microsoft Teams, Mailgun,
 * Mailchimp, Postmark, Brevo, Resend and others. Facts about each format come from the `provenance` page; the
 * regexes and samples are our own, and every sample value is FAKE.
 *
 * ReDoS rule: bounded quantifiers over single character classes, no nested quantifiers.
 */
import type { CredentialFormat } from '../types.js';
import { looksGenerated, UUID } from './shapes.js';

export const messagingFormats = [
  {
    id: 'slack-app-token',
    title: 'Slack app-level token',
    provider: 'slack',
    kind: 'token',
    severity: 'high',
    keywords: ['xapp-'],
    pattern: /\b(xapp-\d-[A-Z0-9]{9,12}-\d{10,16}-[a-f0-9]{32,64})\b/g,
    rotate: 'Revoke the app-level token under Basic Information > App-Level Tokens and generate a new one.',
    provenance: 'https://api.slack.com/authentication/token-types',
    samples: {
      positive: [
        'SLACK_APP_TOKEN=xapp-1-AC9H7INXLMU-9831970020474-a9ee820b6e8a1a5a0c15bc46e63b57663998b03afa4269fa830b2fc' +
          '630e68caa',
        'xapp-1-AY2V1MXMKQ-5137976316248-4650a479b1b6249f23e622343ef7b79da559f8e2f2fce20012049f623d92ff',
      ],
      negative: [
        'xapp-1-AUPGYWB2IT3-3776682485846',
        'xapp-your-token',
        'xapp-1-a5a97ir1rgp-9414462277584-e2265622721962dbb2c865f28d27879d728f49be1314a9ec9eb3ffea7b43b069',
      ],
    },
  },
  {
    id: 'slack-config-access-token',
    title: 'Slack app configuration access token',
    provider: 'slack',
    kind: 'token',
    severity: 'high',
    keywords: ['xoxe.xox'],
    pattern: /\b(xoxe\.xox[bp]-\d-[A-Za-z0-9]{100,200})\b/g,
    rotate: 'Revoke the configuration token in Your Apps > Your App Configuration Tokens.',
    provenance: 'https://api.slack.com/authentication/config-tokens',
    samples: {
      positive: [
        'xoxe.xoxp-1-YYwx4V7Nf84elvwA63ZMiiQEhFtSydJR66XPCA4uCD1ZaiiLRgKPlY4h5eC6NotQrnlPHCbUeFN7CW27bojo9eSnHFVR' +
          'cxIX5Z3t1FBqYoPsWFHB9uKTdqgxxIGFzLFUcnNpRL3VtiCn0Y6AsTWT69pkgsLc2EWE',
        'SLACK_CONFIG_TOKEN=xoxe.xoxb-1-7VX2YiJmlweonAuk8LN5GalB3ovnfcNinkiHCR1NE9aQ4Y6eFPdWT88bipsbbfmrb5IvM7n9q' +
          'Z0AEbqAngQqmWiT253q7fvGSD5ZvQ5D1LBZWgMwTIvmcC27DzwJle2wdjuEAnKEgxvQ',
      ],
      negative: ['xoxe.xoxp-1-HAeWST4A1eRORkZELsBbsI3p2AKcHoPrpGcN67ym', 'xoxe.xoxp-'],
    },
  },
  {
    id: 'slack-config-refresh-token',
    title: 'Slack app configuration refresh token',
    provider: 'slack',
    kind: 'token',
    severity: 'high',
    keywords: ['xoxe-'],
    pattern: /\b(xoxe-\d-[A-Za-z0-9]{100,200})\b/g,
    rotate: 'Revoke the configuration token pair in Your Apps > Your App Configuration Tokens.',
    provenance: 'https://api.slack.com/authentication/config-tokens',
    samples: {
      positive: [
        'xoxe-1-u7mjtxJAg55Aflru9WxU4j73MCAcCUZwi1Ua2Oqut5IeRwwUw5MsnxwRbSAxKE7HC8RjEErmWwGBPylzBi1z0moafot2SWWA7' +
          'xiKw3ya4sjh9h2nSubyn6Ohpf8jDXW3Tjvzau7s2UBEInAcga',
        'refresh_token: xoxe-1-o5gQPwa0lqZJ0zqpSmGMmkFE9eZl6AzcgPh0f6X67XuylENs19bkFgfOjGwERj5fPIDc1p6Mn5IsvKvj3X' +
          'paavOrWCrrrUxp1gCRrKD1TEuF4FUZl4KA0L5m',
      ],
      negative: ['xoxe-1-1aQt0dBA7f1DvUSvCZ73CxYE26stCc', 'xoxe-'],
    },
  },
  {
    id: 'discord-bot-token',
    title: 'Discord bot token (named)',
    provider: 'discord',
    kind: 'token',
    severity: 'high',
    keywords: ['discord'],
    // Three dot-separated parts: the base64 bot id (starts M, N or O today), a timestamp and an HMAC.
    pattern: /(?<![A-Za-z0-9_-])([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_.-])/g,
    context: /discord/i,
    rotate: 'Reset the token on the Bot page of the Discord developer portal.',
    provenance: 'https://discord.com/developers/docs/reference#authentication',
    samples: {
      positive: [
        'DISCORD_BOT_TOKEN=MTeYNSOFIzD37WPZpXb7EJnufq.grm1D0.gq5wTjxBd7dlWXstIuc7UIoyi-I-EWHcPn4pAQ',
        'discord token "ODG8Jx2XOQKtulq5G0UBZGc9.1qne-4.4S09BS2LNWE_lySFMggTZA_9tYg"',
      ],
      negative: [
        'DISCORD_BOT_TOKEN=MTHThubTjMRUCPd5WcH_duGhpT.mBCukZ',
        'MTpz8SQW91HYN3LL0eZi7uDhXw.ij97kj.dn8Dwjv0Tnb9YF54Mh76x41AuamZ5DB8iV4C-Q',
      ],
    },
  },
  {
    id: 'discord-webhook',
    title: 'Discord webhook URL',
    provider: 'discord',
    kind: 'credential',
    severity: 'medium',
    keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'],
    pattern: new RegExp(
      String.raw`(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,6` +
        String.raw`8})(?![A-Za-z0-9_-])`,
      'g',
    ),
    rotate: 'Delete the webhook in the channel settings (Integrations > Webhooks) and create a new one.',
    provenance: 'https://discord.com/developers/docs/resources/webhook',
    samples: {
      positive: [
        'https://discord.com/api/webhooks/1631970798658705515/DisTwLNiHVZRk9vymZFl8XuqIwf2BYUbGvt1qqARYOCVqd8BOkk' +
          'kk0Q_SHtHUmsbOshb',
        'DISCORD_WEBHOOK=https://discordapp.com/api/webhooks/239615143652778059/O9HgtWhpRhs3cymKWqxNDeaUCh-4gKICs' +
          '5T3mB_FqD-5tY7H1QA3FJGPwwUyMcwsyaTd',
      ],
      negative: [
        'https://discord.com/api/webhooks/905252384927633704/1lyntJdrJ5fr6wbCSBJE',
        'https://discord.com/api/webhooks/',
      ],
    },
  },
  {
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    provider: 'telegram',
    kind: 'token',
    severity: 'high',
    keywords: [':aa'],
    pattern: /(?<![0-9])(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
    rotate: 'Revoke the token with @BotFather (/revoke) and issue a new one.',
    provenance: 'https://core.telegram.org/bots/api#authorizing-your-bot',
    samples: {
      positive: [
        'TELEGRAM_BOT_TOKEN=9591204478:AAVAyVv0rLKn-BW357Zorv9U1gcyCVHYgNQ',
        'https://api.telegram.org/bot705809501:AApNQd10B5DMoXdcsr7n5UPktmEv2MJnO55/getMe',
      ],
      negative: ['5360516252:AALvp49mCIH7K7mCmO8cwP', 'time 12:AAZrlqUEe528pWyq1gZVzzpOKn1yWtAo40_'],
    },
  },
  {
    id: 'mailgun-api-key',
    title: 'Mailgun API key (named)',
    provider: 'mailgun',
    kind: 'credential',
    severity: 'high',
    keywords: ['mailgun'],
    pattern: /\b([a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})\b/g,
    context: /mailgun/i,
    rotate: 'Delete the key in Mailgun (API Security) and create a new one, preferably a domain sending key.',
    provenance: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
    samples: {
      positive: [
        'MAILGUN_API_KEY=c04bef93a2e0b011bc5318722306549e-48f04944-2f1f68d2',
        'mailgun({ key: "a4d75b6aed200936203b2d4bf5fcd746-f82d22bb-857f6c1e" })',
      ],
      negative: [
        'MAILGUN_API_KEY=3daf0aa4486e0748f944dfc1510ead4a',
        '15bf4cc56194525bec3c917e54b67785-5f7f1a2e-c03921ff',
      ],
    },
  },
  {
    id: 'mailgun-api-key-legacy',
    title: 'Mailgun API key (older key- form)',
    provider: 'mailgun',
    kind: 'credential',
    severity: 'high',
    keywords: ['key-'],
    pattern: /(?<![A-Za-z0-9_-])(key-[a-f0-9]{32})\b/g,
    rotate: 'Delete the key in Mailgun (API Security) and create a new one.',
    provenance: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
    samples: {
      positive: [
        'MAILGUN_API_KEY=key-3cf711c7ba7596a402f7d8155881e607',
        'auth: { api_key: "key-708890d4f580ff05d4b8332b55f64831" }',
      ],
      negative: [
        'api-key-b04cd11b2231856bf9f335b0f8340870',
        'key-4f2fba8182c18120a01a',
        'key-DV0MG7awidCW0W7DwVWmtKqc5d43QVkF',
      ],
    },
  },
  {
    id: 'mailchimp-api-key',
    title: 'Mailchimp Marketing API key',
    provider: 'mailchimp',
    kind: 'credential',
    severity: 'high',
    // `-us1` … `-us9` (which also cover -us10 … -us21), not `-us`, which every `en-us` contains.
    keywords: ['-us1', '-us2', '-us3', '-us4', '-us5', '-us6', '-us7', '-us8', '-us9'],
    // 32 hex characters, then the data centre (`-us1` … `-us21`).
    pattern: /\b([a-f0-9]{32}-us\d{1,2})\b/g,
    rotate: 'Revoke the key in Mailchimp (Account > Extras > API keys) and create a new one.',
    provenance: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
    samples: {
      positive: [
        'keys: 076389d45e76d3dd40d64378f244b81c-us1 de51415aaeaaa3f42df7b059417804ba-us3 646d990dec4c8081b78ad30b' +
          '6cc52356-us4 caddcb77e998920f67cb982706689823-us5 3869ce9c5d402fd3c97c1772c109a558-us7 5c2c4c7c00e6a27a8' +
          '4e7ff3b46c17eac-us8 b22d5e9e2ff02e814a231c5adea00786-us9',
        'MAILCHIMP_API_KEY=1df9b83ccc355f725e777979c49f6e30-us21',
        'mailchimp.setConfig({ apiKey: "a9b9b04299b9f1360de4388c78df7055-us6" })',
      ],
      negative: ['8b148ea43062507513c65c192d0393eb-eu6', '4d47a472ed9c8e8572fe-us21', 'lang="en-us"'],
    },
  },
  {
    id: 'mandrill-api-key',
    title: 'Mailchimp Transactional (Mandrill) API key',
    provider: 'mailchimp',
    kind: 'credential',
    severity: 'high',
    keywords: ['md-'],
    pattern: /(?<![A-Za-z0-9_-])(md-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g,
    rotate: 'Delete the key in Mailchimp Transactional settings > SMTP & API Info.',
    provenance: 'https://mailchimp.com/developer/transactional/guides/quick-start/',
    samples: {
      positive: ['MANDRILL_API_KEY=md-EZJ3863YkcRW9Mec85Us0V', 'mailchimpTx("md-4zY71SezebsH7Ki7-kOFGM")'],
      negative: ['md-G0RR9w_so4', 'cmd-gQXjDQtsjZpNj_w6ZpZGAQ', 'md-4Ncyzei5qOyihJo8NTK6q7ZnitOawu'],
    },
  },
  {
    id: 'postmark-server-token',
    title: 'Postmark server or account token (named)',
    provider: 'postmark',
    kind: 'token',
    severity: 'high',
    keywords: ['postmark'],
    pattern: new RegExp(`\\b(${UUID})\\b`, 'g'),
    context: /postmark.{0,30}(?:token|api.?key|key)/i,
    rotate: 'Regenerate the server API token in Postmark (server > API Tokens).',
    provenance: 'https://postmarkapp.com/developer/api/overview#authentication',
    samples: {
      positive: [
        'POSTMARK_SERVER_TOKEN=75afd365-0bac-494f-aedf-d57d531ec637',
        'const postmarkToken = \"25c7b8ea-6134-4c38-a5f2-de54bb442e1f\";',
      ],
      negative: [
        'POSTMARK_MESSAGE_ID=42bf90ae-bacf-418c-af17-9b80ed7e7040',
        'X-Postmark-Server-Token: ${POSTMARK_TOKEN}',
      ],
    },
  },
  {
    id: 'mailjet-api-secret',
    title: 'Mailjet API secret key (named)',
    provider: 'mailjet',
    kind: 'credential',
    severity: 'high',
    keywords: ['mailjet', 'mj_apikey_private'],
    pattern: /(?<![a-f0-9])([a-f0-9]{32})(?![a-f0-9])/g,
    context: /mailjet.{0,20}(?:secret|private)|mj_apikey_private/i,
    rotate: 'Regenerate the secret key in Mailjet (Account settings > API Key Management).',
    provenance: 'https://dev.mailjet.com/email/guides/#authentication',
    samples: {
      positive: [
        'MAILJET_SECRET_KEY=74730097dd91d944302aac27e4e6b80e',
        'MJ_APIKEY_PRIVATE=3e41ccea0de1f029fcf920311313fb2d',
      ],
      negative: ['MAILJET_API_KEY=e3113bf18d40426b42de0d7034e93050', 'MAILJET_SECRET_KEY=f3b2fa3bffce0f2f8f35'],
    },
  },
  {
    id: 'brevo-api-key',
    title: 'Brevo (Sendinblue) API key',
    provider: 'brevo',
    kind: 'credential',
    severity: 'high',
    keywords: ['xkeysib-'],
    pattern: /\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g,
    rotate: 'Delete the key in Brevo (SMTP & API > API Keys) and create a new one.',
    provenance: 'https://developers.brevo.com/docs/getting-started',
    samples: {
      positive: [
        'BREVO_API_KEY=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',
        'api-key: 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',
      ],
      negative: [
        'xkeysib-1cb5fa21b7a5c962f5d9e7fc82578e807841f2f843b27b5a30e70aff3812ea45',
        'xkeysib-f1228c2858c5dd5f2363be143211563a-VyJ3UjAAjO6XFcWQ',
      ],
    },
  },
  {
    id: 'brevo-smtp-key',
    title: 'Brevo (Sendinblue) SMTP key',
    provider: 'brevo',
    kind: 'credential',
    severity: 'high',
    keywords: ['xsmtpsib-'],
    pattern: /\b(xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g,
    rotate: 'Delete the SMTP key in Brevo (SMTP & API > SMTP) and create a new one.',
    provenance: 'https://developers.brevo.com/docs/getting-started',
    samples: {
      positive: [
        'SMTP_PASS=xsmtpsib-4b87e5cd13a875a8864e769dfc6635f4e467cf6e0e30e84c0e0b1bc4bada54fd-RNIdzLDFyG1o6qo4',
        'xsmtpsib-f8b9a658b7638578d4aede627239dc19d1353c9bc1caa95b73dfb5c2b1b9a09d-K9s8X2tIpBGPQJkB',
      ],
      negative: ['xsmtpsib-68b57e4b2ddb87c92765ffa0802b1c452db1f85c8e32541412857582daa5eac5-M4bdtMeY', 'xsmtpsib-'],
    },
  },
  {
    id: 'resend-api-key',
    title: 'Resend API key',
    provider: 'resend',
    kind: 'credential',
    severity: 'high',
    keywords: ['re_'],
    pattern: /\b(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b/g,
    rotate: 'Delete the key in the Resend dashboard (API Keys) and create one with sending access only.',
    provenance: 'https://resend.com/docs/dashboard/api-keys/introduction',
    samples: {
      positive: [
        'RESEND_API_KEY=re_BTSSkoqA_lHXT6bQmBEFDZFVrHWUFPaBH',
        'new Resend("re_Je3VZdIX_FnmPcmH4On1PuQCN9EtTNSFO")',
      ],
      negative: ['re_bMVso6z1_vPpcFaSmFp', 'store_hUcKRARe_DZK0nyoDeY0CW2n6upikKRMB', 're_N4htxVJgAOa4XCI2N3XOXZ2z'],
    },
  },
  {
    id: 'sparkpost-api-key',
    title: 'SparkPost API key (named)',
    provider: 'sparkpost',
    kind: 'credential',
    severity: 'high',
    keywords: ['sparkpost'],
    pattern: /(?<![a-f0-9])([a-f0-9]{40})(?![a-f0-9])/g,
    context: /sparkpost.{0,20}(?:api.?key|key|token)/i,
    rotate: 'Delete the key in SparkPost (Configuration > API Keys) and create a scoped one.',
    provenance: 'https://developers.sparkpost.com/api/#header-authentication',
    samples: {
      positive: [
        'SPARKPOST_API_KEY=7ca8901e9f2a927aa730effd1d014956badce2fd',
        'sparkpost key ab20b1aa07b5ee1980d538cafb7cb35b207d1440',
      ],
      negative: [
        'SPARKPOST_TRANSMISSION=8384306ab248038e668ce79f0f1d3b5259722357',
        'SPARKPOST_API_KEY=a23b722636f0a1554914d9eb3448d5c5',
      ],
    },
  },
  {
    id: 'mailersend-api-token',
    title: 'MailerSend API token',
    provider: 'mailersend',
    kind: 'token',
    severity: 'high',
    keywords: ['mlsn.'],
    pattern: /\b(mlsn\.[a-f0-9]{64})\b/g,
    rotate: 'Delete the token in MailerSend (Integrations > API tokens) and create a new one.',
    provenance: 'https://developers.mailersend.com/general.html#authentication',
    samples: {
      positive: [
        'MAILERSEND_API_KEY=mlsn.10386c265d00cacd813f74a24ada5df6480167265bda22a45b44cd24b86326d3',
        'mlsn.39acc500a643544b5e14469376274df6ae9b5d9c9db808ae6c0cff2ac7288747',
      ],
      negative: ['mlsn.d1ee290f91691d83ff3cdcba676466374590a607', 'mlsn.'],
    },
  },
  {
    id: 'vonage-api-secret',
    title: 'Vonage (Nexmo) API secret (named)',
    provider: 'vonage',
    kind: 'credential',
    severity: 'high',
    keywords: ['vonage', 'nexmo'],
    pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{16})(?![A-Za-z0-9])/g,
    context: /(?:vonage|nexmo).{0,20}(?:secret)/i,
    validate: looksGenerated,
    rotate: 'Rotate the API secret in the Vonage API dashboard (API settings).',
    provenance: 'https://developer.vonage.com/en/getting-started/concepts/authentication',
    samples: {
      positive: ['VONAGE_API_SECRET=xGiKMrPBxUS49XDm', 'NEXMO_API_SECRET: bDv6Bca3peCchwyB'],
      negative: ['VONAGE_API_KEY=ifbwRqW30NgEcip4', 'VONAGE_API_SECRET=rJhICJiy'],
    },
  },
  {
    id: 'pusher-app-secret',
    title: 'Pusher Channels app secret (named)',
    provider: 'pusher',
    kind: 'credential',
    severity: 'high',
    keywords: ['pusher'],
    pattern: /(?<![a-f0-9])([a-f0-9]{20})(?![a-f0-9])/g,
    context: /pusher.{0,20}secret/i,
    rotate: 'Create a new key pair in the Pusher app (App Keys) and delete the old one.',
    provenance: 'https://pusher.com/docs/channels/library_auth_reference/rest-api/',
    samples: {
      positive: ['PUSHER_APP_SECRET=55ff0f752e941dfc678d', 'pusher secret: "3e640f7bfec34c4d7c9d"'],
      negative: ['PUSHER_APP_KEY=48031ac7d57f31463381', 'PUSHER_APP_SECRET=61ff578dde82'],
    },
  },
  {
    id: 'ably-api-key',
    title: 'Ably API key (named)',
    provider: 'ably',
    kind: 'credential',
    severity: 'high',
    // `ably_` / `ably.` rather than `ably`, which occurs inside "probably" and "reasonably".
    keywords: ['ably_', 'ably.'],
    // `<app id>.<key id>:<key secret>`.
    pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
    context: /\bably[_.]/i,
    rotate: 'Revoke the API key in the Ably dashboard (API Keys) and create a new one.',
    provenance: 'https://ably.com/docs/auth/basic',
    samples: {
      positive: [
        'ABLY_API_KEY=JhThja.UfxhKU:NiO6UHPBrBBFe-ZjV4bXLyn_bSuhEuWM_KlQwkFpJXe',
        'new Ably.Realtime("nKJ0w8.kLrKJd:Nb6MkkPbWEIEDTs5zkmXs8s2pPAfA3g4hgMq7zUlMby")',
      ],
      negative: ['ABLY_API_KEY=TKZnah.D0DYRw:EyzNwsmT-4', 'ljyMbk.AWw8SR:S3k42_PT0qxF5ebVbJlNl6rOOO09Nza1NbVL66L2Hro'],
    },
  },
  {
    id: 'intercom-access-token',
    title: 'Intercom access token',
    provider: 'intercom',
    kind: 'token',
    severity: 'high',
    keywords: ['dg9roj'],
    // Base64 of `tok:` followed by the token body.
    pattern: /\b(dG9rOj[A-Za-z0-9_=-]{50,70})(?![A-Za-z0-9_=-])/g,
    rotate: 'Regenerate the access token in the Intercom Developer Hub (Authentication).',
    provenance: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
    samples: {
      positive: [
        'INTERCOM_TOKEN=dG9rOjfyrWa8VWzaWBwskpOcHnbzdJxDw3bu70DOcWqptXW8NB9pgxZzYsYI=',
        'Authorization: Bearer dG9rOjmJ4YGUgkp5tdod7ahbAnapcyjJLfwMQvqfO0bdiShY0qyCPxspjmP9kMA7',
      ],
      negative: ['dG9rOjtgcRqWXidagdv2--7gZ9', 'dG9rOj'],
    },
  },
  {
    id: 'microsoft-teams-webhook',
    title: 'Microsoft Teams incoming webhook URL',
    provider: 'microsoft',
    kind: 'credential',
    severity: 'medium',
    keywords: ['webhook.office.com'],
    pattern: new RegExp(
      `(https://[a-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/` +
        `${UUID}(?:/[A-Za-z0-9_-]{1,80})?)`,
      'g',
    ),
    rotate: 'Remove the Incoming Webhook connector (or workflow) from the channel and create a new one.',
    provenance:
      'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    samples: {
      positive: [
        'https://contoso.webhook.office.com/webhookb2/aa0f8159-3b1d-4b4f-aa66-9cd9c9f824bb@f29731bd-f80e-4db5-a00' +
          'e-297cf385f722/IncomingWebhook/adf8946caa0693e3492b38e931aa344b/07fc3ba5-46d7-4a8f-adb8-060dc51b68cc',
        'TEAMS_WEBHOOK=https://shop.webhook.office.com/webhookb2/ab60b13a-7c97-4fdf-af77-2ab6df3fb8b5@743d8a92-c1' +
          'cc-475c-ad4c-f422ecc34157/IncomingWebhook/0197fc4f04af7d15dd5fef58ad733bde/46a0a49d-3d31-4535-ac8b-f4c99' +
          '19474b2/V2wp09RD3-nydvPk6h7D42mZSM2z_X_xZCTMjYDr6r',
      ],
      negative: [
        'https://contoso.webhook.office.com/webhookb2/cb7de3e5-82b5-4ccb-ae33-38e947731410',
        'https://webhook.office.com/',
      ],
    },
  },
  {
    id: 'twitter-bearer-token',
    title: 'X (Twitter) app bearer token',
    provider: 'twitter',
    kind: 'token',
    severity: 'high',
    keywords: ['aaaaaaaaaaaaaaaaaaaaa'],
    pattern: /\b(A{21}[A-Za-z0-9%]{60,120})\b/g,
    rotate: 'Regenerate the bearer token in the X developer portal (Keys and tokens).',
    provenance: 'https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/application-only',
    samples: {
      positive: [
        'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA9yxUUpoZaYTdDg1Mf8r64DQ2y4sAYiNHEIfC6wld%3DCrtERkKdMf8dXULT8kB' +
          'A9slZYMeTEvCkWKLCvARv',
        'Bearer AAAAAAAAAAAAAAAAAAAAAMibF5v7OQZyRAlMzMCurj1d4DXctAX1NJ58FQwjiPcnBhZe31839lGGmgLdJMHmD28kHpAanDfsuun5ky',
      ],
      negative: [
        'AAAAAAAAAAAAAAAAAAAAAGjtyc3YLbzZ3CafKL9B3',
        'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
    },
  },
  {
    id: 'facebook-access-token',
    title: 'Meta (Facebook, Instagram, WhatsApp) Graph API access token',
    provider: 'meta',
    kind: 'token',
    severity: 'high',
    keywords: ['eaa'],
    pattern: /\b(EAA[BCDGIJ][A-Za-z0-9]{80,400})\b/g,
    rotate: 'Invalidate the token (change the app secret or remove the system user token) in Meta Business settings.',
    provenance: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
    samples: {
      positive: [
        'WHATSAPP_TOKEN=EAAGfivVJDDdS8NrcoaVIHPXwVW0lx2rCzncFVeqn6U3lavyN6t8MqgJ1rdkocSGziWm1Q5d83IaE0VUveFVc8Lk8' +
          'ilnfKU54Xgbjvf6TgfXORR8B8QudaeYh5qLX520QtAtdBSwgUje4O4duNiPsDHjIoKA31k9Um2sUfxUWK8GPuHIsSb8QiXV',
        'access_token=EAAJdFp8oLjzOrkgnO3gnWxvIvvyLFccXXDZ9hqvL408ZHEZNb9hDLn2qrVmpIYqvJCI2vBbOwBvnYuhkO6BBr06GC2' +
          '2VX0yfHi0EzQ9ycXXJq7s88ksOJddb59q&fields=id',
      ],
      negative: [
        'EAAGXlBIWrMt9D89dl4Qoh2B',
        'EAAAKcs6zirC8NIlmAj4ZBHAARtQ0AEs8JSvxtC7PTNN0KyeSBrrUXJiFJH5wLE0HXeWZUaYeeTyS03cOAk5P9wZPCI55ilZfdUXqZ1z' +
          'lfhn5z8DaGOPxVG18pdN',
        'EAAZEgBR1YHA8NXOz6TcqLkBiCU2wf6x6eGBHrVWMFOKbR9ea5V6gkmJDZDkA8aMuqxvK2C2CsKQJ5QJ3waCHRhsLUOzmS3xaTTuqlR0' +
          'hNJYD3CvBbyAydQbBuzf',
      ],
    },
  },
  {
    id: 'zendesk-api-token',
    title: 'Zendesk API token (named)',
    provider: 'zendesk',
    kind: 'token',
    severity: 'high',
    keywords: ['zendesk'],
    pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{40})(?![A-Za-z0-9])/g,
    context: /zendesk.{0,20}(?:token|api.?key)/i,
    validate: looksGenerated,
    rotate: 'Delete the token in Zendesk Admin Center (Apps and integrations > Zendesk API).',
    provenance: 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/',
    samples: {
      positive: [
        'ZENDESK_API_TOKEN=EBYoHyBl9I9sZuY3qxJiASZRHlBsYojIrIPdiCPW',
        'zendesk token: LBbo6cY9r4npZ24II38SVGNlXfV6zwUObCSB6lAH',
      ],
      negative: [
        'ZENDESK_SUBDOMAIN=iq48VimsJUQW9k8x7Rr6fsTHIKhvPV9MraNvtM3F',
        'ZENDESK_API_TOKEN=dt30XLEWZ8TobGNKbLb1lOS2fPnvTn',
      ],
    },
  },
] as const satisfies readonly CredentialFormat[];
