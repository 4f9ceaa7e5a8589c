import rule from '../../rules/no-promotional-content.js';
import { runDocumentedExamples, runRuleTester } from '../helpers/rule-tester.js';

runDocumentedExamples(rule);
runRuleTester(rule, {
  valid: [
    { text: 'Your order total was $45.90, charged to the card ending in 1234.', context: { tag: 'POST_PURCHASE_UPDATE' } },
    { text: 'Your refund of €20 has been issued.', context: { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } },
    { text: 'Shop now and get 20% off everything!', context: { messagingType: 'RESPONSE' }, name: 'promotions inside the window' },
    { text: 'Shop now and get 20% off everything!', context: { channel: 'whatsapp', category: 'MARKETING' } },
    { text: 'You can pay at the point of sale when you pick up your order.', context: { tag: 'POST_PURCHASE_UPDATE' } },
    { text: 'Feel free to message us if the parcel is damaged.', context: { promotional: false } },
  ],
  invalid: [
    {
      text: 'Your order has shipped.\nHurry, this deal ends tonight: shop now!',
      context: { tag: 'POST_PURCHASE_UPDATE' },
      findings: [
        { message: '`Hurry` (urgency)', actual: 'Hurry', line: 2, column: 1 },
        { message: '`ends tonight` (urgency)', actual: 'ends tonight' },
        { message: '`shop now` (call to buy)', actual: 'shop now' },
      ],
    },
    {
      text: 'Your code is 123456. Get free shipping on your next order!',
      context: { channel: 'whatsapp', category: 'AUTHENTICATION' },
      findings: [{ message: 'in a WhatsApp `AUTHENTICATION` template', actual: 'Get free shipping' }],
    },
    {
      text: 'Your appointment is confirmed. Use the coupon SPRING for 15% off!',
      context: { promotional: false },
      findings: [
        { message: '`coupon`', actual: 'coupon' },
        { message: '`15% off`', actual: '15% off' },
      ],
    },
    {
      text: 'Hi {{first_name}}, your booking is confirmed. Only $9.99 to upgrade your seat!',
      context: { tag: 'CONFIRMED_EVENT_UPDATE' },
      findings: [
        { message: '(price pitch)', actual: 'Only $9.99' },
        { message: '(upsell)', actual: 'upgrade your' },
      ],
    },
  ],
});
