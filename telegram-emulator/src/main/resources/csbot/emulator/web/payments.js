/*
 * Telegram Payments in the web chat: an invoice message shows as a card with a Pay button (the bot's own
 * first button when it sent one, as Telegram clients do). Pay posts /chat/api/pay, which sends the bot the
 * pre-checkout query and, if the bot agrees, charges and sends successful_payment; the answer says how it
 * ended. The "payment" and "refund" events of the chat's stream mark the card and add a receipt line.
 */
(function () {
  'use strict';

  const LABELS = {
    'zh-CN': {
      pay: '支付', paying: '支付中…', paid: '已支付 ✓', refunded: '已退款', done: '已支付 {amount}',
      declined: '支付未完成：', notAnswered: '商家未及时确认，未扣款。', alreadyPaid: '该账单已支付。',
      receipt: '你已为「{title}」支付 {amount}', refund: '已退款 {amount}'
    },
    en: {
      pay: 'Pay', paying: 'Paying…', paid: 'Paid ✓', refunded: 'Refunded', done: 'Payment of {amount} done',
      declined: 'Payment not completed: ', notAnswered: 'The bot did not confirm in time; you were not charged.',
      alreadyPaid: 'This invoice is already paid.', receipt: 'You paid {amount} for “{title}”',
      refund: '{amount} refunded'
    }
  };

  /** By "chatId:messageId", so a chat chosen later does not inherit another's. */
  const invoices = new Map();    // the invoice of each invoice message seen
  const paid = new Map();        // the charge that paid each paid invoice message
  const refunded = new Set();    // telegram_payment_charge_id of refunded charges

  function language() {
    const identity = CsbotChat.identity();
    return identity ? identity.languageCode : 'zh-CN';
  }

  function labels() {
    return LABELS[language()] || LABELS.en;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, name) => values[name]);
  }

  /** Stars as "⭐ 250"; a fiat amount from its smallest units, e.g. 1250 GBP as "£12.50". */
  function amount(currency, minorUnits) {
    if (currency === 'XTR') {
      return '⭐ ' + minorUnits;
    }
    try {
      const format = new Intl.NumberFormat(language(), {style: 'currency', currency: currency});
      return format.format(minorUnits / Math.pow(10, format.resolvedOptions().maximumFractionDigits));
    } catch (e) {
      return currency + ' ' + minorUnits;
    }
  }

  function key(chatId, messageId) {
    return chatId + ':' + messageId;
  }

  function card(invoice) {
    const el = document.createElement('div');
    el.className = 'invoice-card';
    el.dataset.testid = 'invoice';
    const title = document.createElement('div');
    title.className = 'invoice-title';
    title.textContent = invoice.title;
    const description = document.createElement('div');
    description.className = 'invoice-description';
    description.textContent = invoice.description;
    const total = document.createElement('div');
    total.className = 'invoice-amount';
    total.dataset.testid = 'invoice-amount';
    total.textContent = amount(invoice.currency, invoice.total_amount);
    el.append(title, description, total);
    return el;
  }

  /** The bot's first button when it is the Pay button; otherwise a Pay button of the card's own. */
  function payButton(message, row, invoice) {
    const markup = message.telegram.reply_markup;
    const first = markup && markup.inline_keyboard && markup.inline_keyboard[0] && markup.inline_keyboard[0][0];
    let button = first && first.pay ? row.querySelector('[data-testid="inline-button"]') : null;
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'pay';
      button.textContent = labels().pay + ' ' + amount(invoice.currency, invoice.total_amount);
      row.querySelector('.invoice-card').appendChild(button);
    }
    button.dataset.testid = 'pay-button';
    button.addEventListener('click', () => pay(message, button));
    return button;
  }

  function showPaid(button, charge) {
    button.disabled = true;
    button.dataset.paid = 'true';
    button.textContent = refunded.has(charge.telegramPaymentChargeId) ? labels().refunded : labels().paid;
  }

  async function pay(message, button) {
    const label = button.textContent;
    button.disabled = true;
    button.textContent = labels().paying;
    let answer = {};
    try {
      answer = await CsbotChat.post('pay', {messageId: message.messageId});
    } catch (e) {
      CsbotChat.toast(String(e));
    }
    const restore = () => {
      button.disabled = false;
      button.textContent = label;
    };
    switch (answer.outcome) {
      case 'PAID':
        CsbotChat.toast(fill(labels().done, {amount: amount(answer.charge.currency, answer.charge.totalAmount)}));
        return showPaid(button, answer.charge);
      case 'ALREADY_PAID':
        CsbotChat.toast(labels().alreadyPaid);
        return showPaid(button, answer.charge);
      case 'DECLINED':
        CsbotChat.toast(labels().declined + answer.errorMessage);
        return restore();
      case 'NOT_ANSWERED':
        CsbotChat.toast(labels().notAnswered);
        return restore();
      default:
        return restore();  // the request failed; post() has said why
    }
  }

  function serviceRow(text, testid) {
    const row = document.createElement('div');
    row.className = 'row service';
    row.dataset.testid = testid;
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.textContent = text;
    row.appendChild(bubble);
    CsbotChat.addRow(row);
  }

  function buttonOf(chatId, messageId) {
    const row = document.querySelector('[data-message-id="' + messageId + '"]');
    return invoices.has(key(chatId, messageId)) && row ? row.querySelector('[data-testid="pay-button"]') : null;
  }

  CsbotChat.decorateMessage((message, row) => {
    const invoice = message.telegram && message.telegram.invoice;
    if (!invoice) {
      return;
    }
    invoices.set(key(message.chatId, message.messageId), invoice);
    row.classList.add('invoice');
    const bubble = row.querySelector('.bubble');
    bubble.querySelector('.text').hidden = true;  // the card shows it
    bubble.insertBefore(card(invoice), bubble.querySelector('.meta'));
    const button = payButton(message, row, invoice);
    const charge = paid.get(key(message.chatId, message.messageId));
    if (charge) {
      showPaid(button, charge);
    }
  });

  CsbotChat.onEvent('payment', (event) => {
    const charge = event.charge;
    paid.set(key(charge.chatId, charge.invoiceMessageId), charge);
    const button = buttonOf(charge.chatId, charge.invoiceMessageId);
    if (button) {
      showPaid(button, charge);
    }
    const invoice = invoices.get(key(charge.chatId, charge.invoiceMessageId));
    serviceRow(fill(labels().receipt, {
      amount: amount(charge.currency, charge.totalAmount), title: invoice ? invoice.title : '#' + charge.invoiceMessageId
    }), 'payment-receipt');
  });

  CsbotChat.onEvent('refund', (event) => {
    const refund = event.refund;
    refunded.add(refund.telegramPaymentChargeId);
    paid.forEach((charge) => {
      if (charge.telegramPaymentChargeId === refund.telegramPaymentChargeId) {
        const button = buttonOf(charge.chatId, charge.invoiceMessageId);
        if (button) {
          showPaid(button, charge);
        }
      }
    });
    serviceRow(fill(labels().refund, {amount: amount(refund.currency, refund.totalAmount)}), 'payment-refund');
  });
})();
