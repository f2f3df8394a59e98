/**
 * Credentials declared in templates and manifests that nothing rotates (catalogue `templateCredentials`): each entry's
 * samples prove themselves, then literal files with exact lines and columns, and near misses that stay quiet.
 */
import { describe, expect, it } from 'vitest';
import { templateCredentials } from '../../src/catalogue/template-credentials.js';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';

const fileFor = { terraform: 'infra/main.tf', cloudformation: 'infra/template.yaml', kubernetes: 'deploy/token.yaml' };
const brief = (rel: string, text: string) =>
  scanTemplateFile(rel, text).findings.map(
    (f) => `${f.location.line}:${f.location.column} ${f.ruleId.replace('keyhygiene/', '')}`,
  );

describe('catalogue: templateCredentials samples', () => {
  for (const c of templateCredentials) {
    describe(c.id, () => {
      it.each(c.samples.positive)('positive %# is reported', (s) => {
        expect(brief(fileFor[c.format], s).length).toBeGreaterThan(0);
      });
      it.each(c.samples.negative)('negative %# is not reported', (s) => {
        expect(brief(fileFor[c.format], s)).toEqual([]);
      });
    });
  }
});

describe('Terraform credentials', () => {
  it('reports a deploy user key and a service-account key file at their resource', () => {
    const tf = [
      'resource "aws_iam_user" "deployer" {',
      '  name = "deployer"',
      '}',
      '',
      'resource "aws_iam_access_key" "deployer" {',
      '  user = aws_iam_user.deployer.name',
      '}',
      '',
      'resource "google_service_account_key" "exporter" {',
      '  service_account_id = google_service_account.exporter.name',
      '  public_key_type    = "TYPE_X509_PEM_FILE"',
      '}',
    ].join('\n');
    expect(brief('infra/iam.tf', tf)).toEqual(['5:1 template-missing-rotation', '9:1 template-missing-rotation']);
    const f = scanTemplateFile('infra/iam.tf', tf).findings[0]!;
    expect(f.message).toContain('aws_iam_access_key.deployer');
    expect(f.message).toContain('long-lived');
  });

  it('stays quiet on stored secrets (not judged in templates), and on keys replaced on a schedule', () => {
    const secrets = [
      'resource "aws_secretsmanager_secret" "sendgrid" {',
      '  name = "mail/sendgrid"',
      '}',
      'resource "aws_secretsmanager_secret" "slack" {',
      '  name = "chat/slack"',
      '}',
      'resource "aws_secretsmanager_secret_rotation" "sendgrid" {',
      '  secret_id = aws_secretsmanager_secret.sendgrid.id',
      '}',
    ].join('\n');
    expect(brief('infra/secrets.tf', secrets)).toEqual([]);
    const keys = [
      'resource "time_rotating" "ci" {',
      '  rotation_days = 30',
      '}',
      'resource "aws_iam_access_key" "ci" {',
      '  user = "ci"',
      '  lifecycle {',
      '    replace_triggered_by = [time_rotating.ci]',
      '  }',
      '}',
      'resource "aws_iam_access_key" "old" {',
      '  user   = "ci"',
      '  status = "Inactive"',
      '}',
      'resource "google_service_account_key" "ci" {',
      '  service_account_id = "ci"',
      '  keepers = {',
      '    rotated = time_rotating.ci.rotation_rfc3339',
      '  }',
      '}',
    ].join('\n');
    expect(brief('infra/keys.tf', keys)).toEqual([]);
  });
});

describe('CloudFormation credentials', () => {
  it('reports a user access key, not a secret left out of the template rotation', () => {
    const yaml = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  PublisherKey:',
      '    Type: AWS::IAM::AccessKey',
      '    Properties:',
      '      UserName: !Ref Publisher',
      '  DbSecret:',
      '    Type: AWS::SecretsManager::Secret',
      '  PartnerSecret:',
      '    Type: AWS::SecretsManager::Secret',
      '  DbRotation:',
      '    Type: AWS::SecretsManager::RotationSchedule',
      '    Properties:',
      '      SecretId: !Ref DbSecret',
      '      RotationRules:',
      '        AutomaticallyAfterDays: 30',
    ].join('\n');
    expect(brief('infra/stack.yaml', yaml)).toEqual(['4:5 template-missing-rotation']);
  });

  it('stays quiet on a key with a Serial', () => {
    const json = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          Token: { Type: 'AWS::SecretsManager::Secret' },
          TokenRotation: { Type: 'AWS::SecretsManager::RotationSchedule', Properties: { SecretId: { Ref: 'Token' } } },
          CiKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'ci', Serial: 2 } },
        },
      },
      null,
      2,
    );
    expect(brief('infra/stack.json', json)).toEqual([]);
  });
});

describe('Kubernetes service-account token Secrets', () => {
  it('reports the type line of the token Secret, not the other documents', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: app-config',
      'type: Opaque',
      'stringData:',
      '  MODE: fast',
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: deployer-token',
      '  annotations:',
      '    kubernetes.io/service-account.name: deployer',
      'type: kubernetes.io/service-account-token',
    ].join('\n');
    expect(brief('k8s/secrets.yaml', yaml)).toEqual(['15:1 template-missing-rotation']);
    expect(scanTemplateFile('k8s/secrets.yaml', yaml).findings[0]!.message).toContain("'deployer-token'");
  });

  it('stays quiet on a ServiceAccount and on a projected token volume', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: deployer',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: runner',
      'spec:',
      '  serviceAccountName: deployer',
      '  volumes:',
      '    - name: token',
      '      projected:',
      '        sources:',
      '          - serviceAccountToken:',
      '              path: service-account-token',
      '              expirationSeconds: 3600',
    ].join('\n');
    expect(brief('k8s/pod.yaml', yaml)).toEqual([]);
  });
});
