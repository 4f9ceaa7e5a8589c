import rule from '../../rules/platform-limits.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

const long = (n: number) => 'a'.repeat(n);

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: long(2000), context: { channel: 'messenger', component: 'text' }, name: 'exactly 2000' },
    { text: long(1024), context: { channel: 'whatsapp', component: 'body' } },
    { text: long(160), context: { channel: 'messenger', component: 'greeting' } },
    { text: '😀'.repeat(20), context: { channel: 'messenger', component: 'quick_reply' }, name: 'emoji count as one character' },
    { text: 'Pick one', context: { channel: 'messenger', component: 'text', counts: { quickReplies: 13 } } },
  ],
  invalid: [
    { text: long(2001), context: { channel: 'messenger', component: 'text' }, findings: [{ message: 'Messenger text message is 2001 characters; the limit is 2000', actual: 'a' }] },
    { text: long(1001), context: { channel: 'instagram', component: 'text' }, findings: [{ message: 'limit is 1000' }] },
    { text: long(1025), context: { channel: 'whatsapp', component: 'body' }, findings: [{ message: 'WhatsApp template body is 1025 characters' }] },
    { text: long(61), context: { channel: 'whatsapp', component: 'footer' }, findings: [{ message: 'limit is 60' }] },
    { text: long(641), context: { channel: 'messenger', component: 'button_text' }, findings: [{ message: 'button template text is 641' }] },
    { text: long(81), context: { channel: 'messenger', component: 'subtitle' }, findings: [{ message: 'limit is 80' }] },
    { text: '😀'.repeat(21), context: { channel: 'messenger', component: 'quick_reply' }, findings: [{ message: 'is 21 characters', actual: '😀' }] },
    { text: 'Pick one', context: { channel: 'messenger', counts: { quickReplies: 14 } }, findings: [{ message: '14 quick replies; Messenger allows at most 13' }] },
    { text: 'Pick one', context: { channel: 'messenger', counts: { elements: 11 } }, findings: [{ message: '11 template elements' }] },
  ],
});
