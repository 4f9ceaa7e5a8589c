import rule from '../../rules/valid-message-tag.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Your parcel has shipped.', context: { tag: 'POST_PURCHASE_UPDATE' }, policyDate: '2026-04-26', name: 'the day before retirement' },
    { text: 'Thanks for waiting, I checked your order.', context: { channel: 'instagram', tag: 'HUMAN_AGENT', messagingType: 'MESSAGE_TAG' } },
    { text: 'Here is your answer.', context: { messagingType: 'RESPONSE' } },
    { text: 'Top stories today.', context: { tag: 'NON_PROMOTIONAL_SUBSCRIPTION' }, policyDate: '2019-06-01' },
  ],
  invalid: [
    { text: 'Your parcel has shipped.', context: { tag: 'POST_PURCHASE_UPDATE' }, policyDate: '2026-04-27', findings: [{ message: 'retired on 2026-04-27' }] },
    { text: 'Account alert.', context: { tag: 'ACCOUNT_UPDATE' }, findings: [{ message: '`ACCOUNT_UPDATE` was retired' }] },
    { text: 'Reminder.', context: { tag: 'CONFIRMED_EVENT_UPDATE' }, policyDate: '2026-11-25', findings: [{ message: 'retired on 2026-04-27' }] },
    { text: 'Hi.', context: { messagingType: 'UPDATES' }, findings: [{ message: 'Unknown `messaging_type` `UPDATES`; did you mean `UPDATE`?' }] },
    { text: 'Hi.', context: { channel: 'instagram', tag: 'CUSTOMER_FEEDBACK' }, findings: [{ message: 'Instagram only accepts the `HUMAN_AGENT` tag' }] },
    { text: 'Hi.', context: { tag: 'HUMAN_AGENT', messagingType: 'RESPONSE' }, findings: [{ message: 'must be sent with `messaging_type: MESSAGE_TAG`' }] },
    { text: 'Order shipped.', context: { channel: 'whatsapp', tag: 'POST_PURCHASE_UPDATE' }, findings: [{ message: 'has no meaning on WhatsApp' }] },
  ],
});
