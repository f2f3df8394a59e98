/**
 * CloudFormation reference intrinsics in non-code files (docs/audit.md, "Infrastructure templates"): the
 * argument of `!Ref`, `!GetAtt`, `!ImportValue`, `!FindInMap` and `!GetAZs` (or their `Fn::` long forms)
 * names a resource, so it is not judged as a secret under the secret name it sits under. Near misses: a
 * literal password beside them, a literal password in a resource whose other properties are references, and a
 * provider token in any intrinsic, long form included, stay reported.
 */
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';
import { FAKE_GITHUB_TOKEN } from '../helpers/tree.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);

const header = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

describe('reference intrinsics are not secrets', () => {
  it('skips a !GetAtt list under a Credentials key (API Gateway integration role)', () => {
    const text =
      header +
      '  PostMethod:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      Integration:\n' +
      '        Credentials: !GetAtt\n          - ApiGatewaySnsRole4C1D2E3F\n          - Arn\n' +
      '        IntegrationHttpMethod: POST\n';
    expect(lines('infra/template.yml', text)).toEqual([]);
  });

  it('skips the dotted !GetAtt form and a !Ref under secret names', () => {
    const text =
      header +
      '  Skill:\n    Type: Alexa::ASK::Skill\n    Properties:\n      AuthenticationConfiguration:\n' +
      '        ClientSecret: !GetAtt LwaClient9A8B7C6D.ClientSecret\n' +
      '        RefreshToken: !Ref LwaRefreshTokenParam5E4F3A2B\n' +
      '  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n' +
      '      MasterUserPassword: !ImportValue SharedDbStack-MasterPasswordX7Q2\n';
    expect(lines('stack.template.yaml', text)).toEqual([]);
  });

  it('skips the long forms in a JSON template (cdk synth output)', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Method: {
            Type: 'AWS::ApiGateway::Method',
            Properties: {
              Integration: { Credentials: { 'Fn::GetAtt': ['ApiGatewaySnsRole4C1D2E3F', 'Arn'] } },
              ApiKey: { Ref: 'UsagePlanKey0B1C2D3E4F5A' },
              Token: { 'Fn::FindInMap': ['TokensByStage', 'prod', 'WebhookTokenRef7H8J'] },
            },
          },
        },
      },
      null,
      2,
    );
    expect(lines('cdk.out/App.template.json', text)).toEqual([]);
  });
});

describe('near misses stay reported', () => {
  it('reports a literal password beside a !Ref', () => {
    const text =
      header +
      '  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      Users:\n' +
      '        - ConsoleAccess: true\n          Password: Tr0ub4dor-Harbour-93\n          Username: !Ref AdminUser\n';
    expect(lines('template.yml', text)).toEqual([8]);
  });

  it('reports a literal master password in a resource whose other properties are references', () => {
    const text =
      header +
      '  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n' +
      '      DBSubnetGroupName: !Ref DbSubnets\n      MasterUsername: admin\n' +
      '      MasterUserPassword: Qm7rT2vX9kLp4sWz\n      VPCSecurityGroups:\n        - !GetAtt DbSecurityGroup.GroupId\n';
    expect(lines('template.yml', text)).toEqual([8]);
  });

  it('reports a provider-issued token wherever it sits, a reference argument included', () => {
    const yaml = `${header}  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: !Ref ${FAKE_GITHUB_TOKEN}\n`;
    expect(lines('template.yml', yaml)).toEqual([6]);
    const json = JSON.stringify({ Resources: { P: { Properties: { Value: { Ref: FAKE_GITHUB_TOKEN } } } } }, null, 2);
    expect(scanTextFile('template.json', json).findings.map((f) => f.secret?.formatId)).toEqual(['github-classic-pat']);
  });
});
