/**
 * no-logged-key: in a module that registers for push notifications (it imports a push client library), a device or
 * push token is the address APNs, FCM or Expo gave the device; sending to it needs the app server's credentials, so
 * logging it leaks no credential. Variants written from the registration flows of react-native-notifications,
 * React Native Firebase messaging and expo-notifications. Near misses stay reported: the same device token in a
 * module with no push library (an IoT client's device token is its credential), and a session token logged in a
 * push module.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lint = (code: string, filename: string): { line: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

describe('no-logged-key: push addresses in push-registration modules', () => {
  it('stays silent on the device, FCM and Expo push tokens a push library hands the app', () => {
    const rnn = [
      "import { Notifications } from 'react-native-notifications';",
      'export function register(store: { setDeviceToken(t: string): void }) {',
      '  Notifications.events().registerRemoteNotificationsRegistered((event) => {',
      "    console.log('registered for pushes', event);",
      '    const deviceToken = event.deviceToken;',
      "    console.log('device token received', deviceToken);",
      '    store.setDeviceToken(deviceToken);',
      '  });',
      '}',
    ].join('\n');
    const fcm = [
      "import messaging from '@react-native-firebase/messaging';",
      'export async function fcmAddress() {',
      '  const fcmToken = await messaging().getToken();',
      '  console.info(`FCM token: ${fcmToken}`);',
      '  return fcmToken;',
      '}',
    ].join('\n');
    const expo = [
      "import * as Notifications from 'expo-notifications';",
      'export async function expoAddress(projectId: string) {',
      '  const { data: pushToken } = await Notifications.getExpoPushTokenAsync({ projectId });',
      "  console.log('push token', pushToken);",
      '  return pushToken;',
      '}',
    ].join('\n');
    for (const [code, file] of [
      [rnn, 'src/notifications.ts'],
      [fcm, 'src/push/fcm.ts'],
      [expo, 'src/push/expo.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('still reports a device token outside push modules and a session token inside one', () => {
    const iot = [
      "import mqtt from 'mqtt';",
      'export function connect(deviceToken: string) {',
      "  console.log('connecting with device token', deviceToken);",
      "  return mqtt.connect('mqtts://broker.example.test', { username: 'device', password: deviceToken });",
      '}',
    ].join('\n');
    const session = [
      "import { Notifications } from 'react-native-notifications';",
      'export function onLogin(sessionToken: string) {',
      "  console.log('session token', sessionToken);",
      '  Notifications.registerRemoteNotifications();',
      '}',
    ].join('\n');
    expect(lint(iot, 'src/device/connect.ts')).toEqual([{ line: 3, messageId: 'loggedKey' }]);
    expect(lint(session, 'src/auth/login.ts')).toEqual([{ line: 3, messageId: 'loggedKey' }]);
  });
});
