/**
 * Credentials declared in infrastructure templates and manifests that nothing rotates: the template forms of the
 * code entries `iacSecretResources` of iac.ts (CDK, Pulumi, CDKTF access keys), read by the audit's template
 * detector (`src/scanner/detect/templates/credentials.ts`) under `keyhygiene/template-missing-rotation`.
 * - A long-lived cloud user key (`aws_iam_access_key`, `AWS::IAM::AccessKey`, `google_service_account_key`): it has
 *   no rotation of its own and stays valid until deleted (AWS IAM and Google Cloud IAM best practice: roles and
 *   short-lived credentials). Reported always, unless inactive or replaced on a schedule (`keepers`, a
 *   `replace_triggered_by` lifecycle, CloudFormation's `Serial`).
 * - A Kubernetes Secret of type `kubernetes.io/service-account-token`: a service-account token that never expires
 *   (Kubernetes documentation, "Manually create a long-lived API token for a ServiceAccount": the TokenRequest API's
 *   bound tokens are the recommended form).
 * Every entry carries whole-file samples that `test/scanner/template-credentials.test.ts` proves.
 */
import type { Exemption } from './iac.js';
import type { Samples } from './types.js';

export interface TemplateCredential {
  readonly id: string;
  readonly title: string;
  readonly format: 'terraform' | 'cloudformation' | 'kubernetes';
  /** The Terraform resource type, the CloudFormation `Type`, or the Kubernetes Secret's `type`. */
  readonly type: string;
  /** How the finding words the hazard. */
  readonly kind: 'access-key' | 'service-account-token';
  /** Dotted property paths that mean the credential is inactive or replaced on a schedule. */
  readonly exemptions: readonly Exemption[];
  /** The finding's suggestion. */
  readonly fix: string;
  readonly samples: Samples;
}

const roleFix =
  'give the workload a role or workload identity (short-lived credentials), or replace the key on a schedule';
const scheduled: readonly Exemption[] = [
  { property: 'lifecycle.replace_triggered_by', reason: 'replaced-on-schedule' },
  { property: 'keepers', reason: 'replaced-on-schedule' },
];

export const templateCredentials: readonly TemplateCredential[] = [
  {
    id: 'terraform.aws_iam_access_key',
    title: 'Terraform aws_iam_access_key',
    format: 'terraform',
    type: 'aws_iam_access_key',
    kind: 'access-key',
    exemptions: [{ property: 'status', values: ['Inactive'], reason: 'inactive' }, ...scheduled],
    fix: roleFix,
    samples: {
      positive: ['resource "aws_iam_access_key" "ci" {\n  user = aws_iam_user.ci.name\n}\n'],
      negative: [
        'resource "aws_iam_access_key" "ci" {\n  user   = aws_iam_user.ci.name\n  status = "Inactive"\n}\n',
        'resource "aws_iam_access_key" "ci" {\n  user = aws_iam_user.ci.name\n  lifecycle {\n    ' +
          'replace_triggered_by = [time_rotating.ci.id]\n  }\n}\n',
        'data "aws_iam_access_keys" "ci" {\n  user = "ci"\n}\n',
      ],
    },
  },
  {
    id: 'terraform.google_service_account_key',
    title: 'Terraform google_service_account_key',
    format: 'terraform',
    type: 'google_service_account_key',
    kind: 'access-key',
    exemptions: scheduled,
    fix: roleFix,
    samples: {
      positive: [
        'resource "google_service_account_key" "ci" {\n  service_account_id = google_service_account.ci.name\n}\n',
      ],
      negative: [
        'resource "google_service_account_key" "ci" {\n  service_account_id = google_service_account.ci.name\n  ' +
          'keepers = {\n    rotation = time_rotating.ci.rotation_rfc3339\n  }\n}\n',
      ],
    },
  },
  {
    id: 'cloudformation.AWS::IAM::AccessKey',
    title: 'CloudFormation AWS::IAM::AccessKey',
    format: 'cloudformation',
    type: 'AWS::IAM::AccessKey',
    kind: 'access-key',
    // `Serial`: bumping it replaces the key, the template's own rotation.
    exemptions: [
      { property: 'Status', values: ['Inactive'], reason: 'inactive' },
      { property: 'Serial', reason: 'rotated-by-serial' },
    ],
    fix: roleFix,
    samples: {
      positive: [
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  CiKey:\n    Type: AWS::IAM::AccessKey\n    " +
          'Properties:\n      UserName: !Ref CiUser\n',
      ],
      negative: [
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  CiKey:\n    Type: AWS::IAM::AccessKey\n    " +
          'Properties:\n      UserName: !Ref CiUser\n      Serial: 4\n',
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  CiKey:\n    Type: AWS::IAM::AccessKey\n    " +
          'Properties:\n      UserName: !Ref CiUser\n      Status: Inactive\n',
      ],
    },
  },
  {
    id: 'kubernetes.service-account-token',
    title: 'Kubernetes Secret of type kubernetes.io/service-account-token',
    format: 'kubernetes',
    type: 'kubernetes.io/service-account-token',
    kind: 'service-account-token',
    exemptions: [],
    fix: 'mount a projected, expiring token (TokenRequest API, `kubectl create token`) instead',
    samples: {
      positive: [
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci-token\n  annotations:\n    ' +
          'kubernetes.io/service-account.name: ci\ntype: kubernetes.io/service-account-token\n',
      ],
      negative: [
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\nstringData:\n  mode: fast\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: doc\ndata:\n  note: kubernetes.io/service-account-token\n',
      ],
    },
  },
];
