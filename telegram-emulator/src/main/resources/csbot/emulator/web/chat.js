/*
 * The emulator's web chat: a person plays a customer talking to the bot through the local Telegram.
 * Everything the chat shows comes from the emulator's event stream (/chat/api/events), so a reload
 * shows the same chat. Extension points, for later features:
 *   CsbotChat.decorateMessage(fn)  fn(message, rowElement) adds to a bot message (payments.js: the invoice card)
 *   CsbotChat.onEvent(type, fn)    fn(event) for stream events the chat itself does not show (e.g. "payment")
 *   CsbotChat.addPane(element)     adds a panel to the sidebar (e.g. the agents group)
 *   CsbotChat.addRow(element)      adds a row to the chat, scrolled into view like a message
 *   CsbotChat.post(action, body)   posts a user action to /chat/api/<action> as the current user
 *   CsbotChat.toast(text)          shows a short notice over the chat
 */
(function () {
  'use strict';

  const LABELS = {
    'zh-CN': {
      identity: '我是谁', language: 'Telegram 客户端语言', newUser: '新用户（无号码）', firstName: '名字',
      smsInbox: '短信收件箱', send: '发送', message: '输入消息…', edited: '已编辑', noSms: '暂无短信',
      smsToOther: '发到另一联系号码',
      noPersonas: '没有模拟器客户列表：以新用户身份聊天。', personasFrom: '模拟器中的客户：',
      askPhone: '要分享的手机号（如 +85291234567）：', guest: '访客', chattingAs: '当前身份：',
      failed: '发送失败：', noNumber: '无号码',
      drain: '⚡ 耗尽余额（演示余额提醒）', drained: '余额已低于提醒线，提醒马上就到'
    },
    en: {
      identity: 'Who am I', language: 'Telegram app language', newUser: 'New user (no number)', firstName: 'First name',
      smsInbox: 'SMS inbox', send: 'Send', message: 'Write a message…', edited: 'edited', noSms: 'No SMS yet',
      smsToOther: 'to the other contact number',
      noPersonas: 'No simulator customers: chat as a new user.', personasFrom: 'Customers in the simulator:',
      askPhone: 'Phone number to share (e.g. +85291234567):', guest: 'Guest', chattingAs: 'Chatting as ',
      failed: 'Could not send: ', noNumber: 'no number',
      drain: '⚡ Drain the balance (demo: low-balance alert)', drained: 'Balance below the alert level: the alert is on its way'
    }
  };

  const $ = (id) => document.getElementById(id);
  const store = window.localStorage;
  const decorators = [];
  const eventHandlers = {};
  let settings = {};
  let personas = [];
  let identity = null;      // {id, firstName, languageCode, msisdn}
  let stream = null;        // AbortController of the running event stream
  let smsTimer = null;

  function labels() {
    return LABELS[identity ? identity.languageCode : 'zh-CN'] || LABELS.en;
  }

  function applyLabels() {
    const l = labels();
    document.documentElement.lang = identity ? identity.languageCode : 'zh-CN';
    document.querySelectorAll('[data-label]').forEach((el) => { el.textContent = l[el.dataset.label]; });
    document.querySelectorAll('[data-placeholder]').forEach((el) => { el.placeholder = l[el.dataset.placeholder]; });
  }

  // ---- identity ----

  /** A persona keeps its Telegram user id across visits: derived from the number (FNV-1a). */
  function stableUserId(msisdn) {
    let hash = 0x811c9dc5;
    for (const ch of msisdn) {
      hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    }
    return 1000000000 + (hash % 900000000);
  }

  function newUserId() {
    return 2000000000 + Math.floor(Math.random() * 100000000);
  }

  function saveIdentity() {
    store.setItem('csbot.identity', JSON.stringify(identity));
  }

  function choose(next) {
    identity = next;
    saveIdentity();
    $('first-name').value = identity.firstName;
    $('language').value = identity.languageCode;
    applyLabels();
    renderPersonas();
    $('who').textContent = labels().chattingAs + identity.firstName
      + (identity.msisdn ? ' · ' + identity.msisdn : ' · ' + labels().noNumber);
    startStream();
    startSms();
  }

  function choosePersona(persona) {
    choose({
      id: stableUserId(persona.msisdn), firstName: persona.name, msisdn: persona.msisdn,
      alternateNumber: persona.alternateNumber || null,
      languageCode: identity ? identity.languageCode : 'zh-CN'
    });
  }

  function renderPersonas() {
    const list = $('personas');
    list.textContent = '';
    $('personas-hint').textContent = personas.length ? labels().personasFrom : labels().noPersonas;
    personas.forEach((persona) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'persona' + (identity && identity.msisdn === persona.msisdn ? ' active' : '');
      item.dataset.testid = 'persona';
      item.dataset.msisdn = persona.msisdn;
      item.innerHTML = '<strong></strong><small></small>';
      item.querySelector('strong').textContent = persona.name;
      item.querySelector('small').textContent = [persona.msisdn, persona.cardType, persona.status, persona.currency]
        .filter(Boolean).join(' · ');
      item.addEventListener('click', () => choosePersona(persona));
      list.appendChild(item);
    });
  }

  // ---- talking to the emulator ----

  async function post(action, body) {
    const response = await fetch('/chat/api/' + action, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(Object.assign({
        user: {id: identity.id, firstName: identity.firstName, languageCode: identity.languageCode}
      }, body))
    });
    const answer = await response.json();
    if (!response.ok) {
      toast(labels().failed + (answer.error || response.status));
    }
    return answer;
  }

  async function startStream() {
    if (stream) {
      stream.abort();
    }
    const controller = new AbortController();
    stream = controller;
    $('messages').textContent = '';
    showReplyKeyboard(null);
    let after = 0;
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/chat/api/events?chat=' + identity.id + '&after=' + after + '&timeout=25',
          {signal: controller.signal});
        const batch = await response.json();
        if (controller.signal.aborted) {
          return;  // another chat (or language) was chosen meanwhile: its own stream shows it
        }
        (batch.events || []).forEach((event) => {
          after = Math.max(after, event.seq);
          apply(event);
        });
      } catch (e) {
        if (controller.signal.aborted) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  function apply(event) {
    switch (event.type) {
      case 'user': return appendUser(event);
      case 'message': return event.message.edited ? replaceMessage(event.message) : appendBot(event.message);
      case 'deleted': return removeMessage(event.messageId);
      case 'callbackAnswer': return answered(event.answer);
      default: return (eventHandlers[event.type] || []).forEach((handle) => handle(event));
    }
  }

  // ---- rendering ----

  function appendUser(event) {
    if (event.kind === 'callback' || event.kind === 'pre_checkout') {
      return;  // Telegram shows nothing for a tap (or a confirmed payment form) but what comes of it
    }
    const row = document.createElement('div');
    row.className = 'row user';
    row.dataset.testid = 'user-message';
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.textContent = event.text;
    row.appendChild(bubble);
    addRow(row);
  }

  function appendBot(message) {
    addRow(botRow(message));
    if (message.replyKeyboard) {
      showReplyKeyboard(message.replyKeyboard.remove ? null : message.replyKeyboard);
    }
  }

  function replaceMessage(message) {
    const old = document.querySelector('[data-message-id="' + message.messageId + '"]');
    if (old) {
      old.replaceWith(botRow(message));
    } else {
      addRow(botRow(message));
    }
  }

  function removeMessage(messageId) {
    const old = document.querySelector('[data-message-id="' + messageId + '"]');
    if (old) {
      old.remove();
    }
  }

  function addRow(row) {
    const pane = $('messages');
    const atBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 60;
    pane.appendChild(row);
    if (atBottom) {
      pane.scrollTop = pane.scrollHeight;
    }
  }

  function botRow(message) {
    const row = document.createElement('div');
    row.className = 'row bot';
    row.dataset.testid = 'bot-message';
    row.dataset.messageId = message.messageId;
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    if (message.media) {
      bubble.appendChild(mediaElement(message.media));
    }
    const tg = message.telegram || {};
    const text = document.createElement('div');
    text.className = 'text';
    text.dataset.testid = 'message-text';
    text.innerHTML = formatted(message.text || '', tg.entities || tg.caption_entities || []);
    bubble.appendChild(text);
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = (message.edited ? labels().edited + ' ' : '')
      + new Date(((tg.edit_date || tg.date) || 0) * 1000).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
    bubble.appendChild(meta);
    row.appendChild(bubble);
    if (message.inlineKeyboard && message.inlineKeyboard.length) {
      row.appendChild(inlineKeyboard(message));
    }
    decorators.forEach((decorate) => decorate(message, row));
    return row;
  }

  function mediaElement(media) {
    const url = '/chat/api/file/' + encodeURIComponent(media.fileId);
    if (media.kind === 'photo') {
      const img = document.createElement('img');
      img.src = url;
      img.alt = media.fileName || 'photo';
      return img;
    }
    const link = document.createElement('a');
    link.href = url;
    link.download = media.fileName || media.fileId;
    link.className = 'document';
    link.textContent = '📄 ' + (media.fileName || media.fileId);
    return link;
  }

  function inlineKeyboard(message) {
    const keyboard = document.createElement('div');
    keyboard.className = 'inline-keyboard';
    message.inlineKeyboard.forEach((buttons) => {
      const row = document.createElement('div');
      row.className = 'inline-row';
      buttons.forEach((button) => {
        const el = button.url ? urlButton(button) : document.createElement('button');
        el.dataset.testid = 'inline-button';
        el.textContent = button.label + (button.url ? ' ↗' : '');
        if (!button.url) {
          el.type = 'button';
          el.addEventListener('click', () => {
            if (button.callbackData) {
              post('button', {messageId: message.messageId, callbackData: button.callbackData});
            }
          });
        }
        row.appendChild(el);
      });
      keyboard.appendChild(row);
    });
    return keyboard;
  }

  /**
   * A URL button is a link that opens in a new tab (a payment page, say), as Telegram opens it in the browser; a
   * real link, so the browser shows where it goes and never takes it for an unwanted pop-up. Web and tg: addresses only.
   */
  function urlButton(button) {
    const link = document.createElement('a');
    link.className = 'url-button';
    if (/^(https?|tg):/i.test(button.url)) {
      link.href = button.url;
      link.target = '_blank';
      link.rel = 'noopener';
    }
    return link;
  }

  const ENTITY_TAGS = {
    bold: 'b', italic: 'i', underline: 'u', strikethrough: 's', code: 'code', pre: 'pre',
    spoiler: 'span class="spoiler"', blockquote: 'blockquote'
  };

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  }

  /** Text with Telegram entities as HTML; offsets are UTF-16 units, as in JavaScript strings. */
  function formatted(text, entities) {
    const opens = {};
    const closes = {};
    entities.forEach((entity) => {
      let open;
      let close;
      if (entity.type === 'text_link' || entity.type === 'url') {
        const href = entity.type === 'url' ? text.substr(entity.offset, entity.length) : entity.url;
        if (!/^(https?|tg|mailto):/i.test(href || '')) {
          return;
        }
        open = '<a target="_blank" rel="noopener" href="' + escapeHtml(href) + '">';
        close = '</a>';
      } else if (ENTITY_TAGS[entity.type]) {
        open = '<' + ENTITY_TAGS[entity.type] + '>';
        close = '</' + ENTITY_TAGS[entity.type].split(' ')[0] + '>';
      } else {
        return;
      }
      (opens[entity.offset] = opens[entity.offset] || []).push(open);
      (closes[entity.offset + entity.length] = closes[entity.offset + entity.length] || []).unshift(close);
    });
    let html = '';
    for (let i = 0; i <= text.length; i++) {
      html += (closes[i] || []).join('') + (opens[i] || []).join('');
      if (i < text.length) {
        html += escapeHtml(text[i]);
      }
    }
    return html;
  }

  function showReplyKeyboard(keyboard) {
    const area = $('reply-keyboard');
    area.textContent = '';
    area.hidden = !keyboard;
    if (!keyboard) {
      return;
    }
    keyboard.rows.forEach((buttons) => {
      const row = document.createElement('div');
      row.className = 'reply-row';
      buttons.forEach((button) => {
        const el = document.createElement('button');
        el.type = 'button';
        el.dataset.testid = 'reply-button';
        if (button.requestContact) {
          el.dataset.requestContact = 'true';
        }
        el.textContent = button.text;  // as Telegram shows it: the bot's own label says what it does
        el.addEventListener('click', () => {
          if (keyboard.oneTime) {
            showReplyKeyboard(null);
          }
          if (button.requestContact) {
            shareContact();
          } else {
            post('text', {text: button.text});
          }
        });
        row.appendChild(el);
      });
      area.appendChild(row);
    });
  }

  function shareContact() {
    const phone = identity.msisdn || window.prompt(labels().askPhone);
    if (phone) {
      post('contact', {phoneNumber: phone});
    }
  }

  function answered(answer) {
    if (!answer.text) {
      return;
    }
    if (answer.showAlert) {
      window.alert(answer.text);
    } else {
      toast(answer.text);
    }
  }

  let toastTimer = null;

  /** Shown for 3 s, longer for a longer text (a bot's reason for refusing a payment), at most 8 s. */
  function toast(text) {
    const el = $('toast');
    el.textContent = text;
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.hidden = true; }, Math.min(8000, Math.max(3000, 60 * text.length)));
  }

  // ---- SMS inbox (the simulator's outbox for the persona's number) ----

  function startSms() {
    clearInterval(smsTimer);
    const pane = $('sms-pane');
    pane.hidden = !(settings.simulatorUrl && identity.msisdn);
    if (pane.hidden) {
      return;
    }
    // the account's other contact number gets the codes for a SIM change or a PUK: shown here too
    const numbers = [identity.msisdn].concat(identity.alternateNumber ? [identity.alternateNumber] : []);
    $('sms-number').textContent = numbers.join(' · ');
    const load = async () => {
      try {
        const inboxes = await Promise.all(numbers.map(async (number) => {
          const response = await fetch(settings.simulatorUrl + '/sim/sms?msisdn=' + encodeURIComponent(number));
          return (await response.json()).map((sms) => Object.assign({to: number}, sms));
        }));
        renderSms(inboxes.flat().sort((a, b) => String(a.sentAt).localeCompare(String(b.sentAt))));
      } catch (e) {
        // the simulator may be restarting; the next poll tries again
      }
    };
    load();
    smsTimer = setInterval(load, 2000);
  }

  // ---- demo control: the simulator drains the persona's line below its low-balance level and warns the bot ----

  async function drain() {
    try {
      // a simple cross-origin POST (text/plain, no preflight); the simulator reads the JSON body all the same
      await fetch(settings.simulatorUrl + '/sim/admin/drain', {
        method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'},
        body: JSON.stringify({msisdn: identity.msisdn})
      });
      toast(labels().drained);
    } catch (e) {
      toast(labels().failed + e);
    }
  }

  function renderSms(messages) {
    const list = $('sms');
    list.textContent = '';
    if (!messages.length) {
      const empty = document.createElement('li');
      empty.className = 'hint';
      empty.textContent = labels().noSms;
      list.appendChild(empty);
    }
    messages.slice().reverse().forEach((sms) => {
      const item = document.createElement('li');
      const time = document.createElement('small');
      time.textContent = (sms.sentAt ? new Date(sms.sentAt).toLocaleString() : '')
        + (sms.to && sms.to !== identity.msisdn ? ' · ' + labels().smsToOther + ' ' + sms.to : '');
      const text = document.createElement('div');
      text.textContent = sms.text;
      item.append(time, text);
      list.appendChild(item);
    });
  }

  // ---- start ----

  async function loadPersonas() {
    if (!settings.simulatorUrl) {
      return [];
    }
    try {
      const response = await fetch(settings.simulatorUrl + '/sim/customers');
      return await response.json();
    } catch (e) {
      return [];
    }
  }

  function wireControls() {
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('text').value.trim();
      if (text) {
        post('text', {text: text});
        $('text').value = '';
      }
    });
    $('language').addEventListener('change', () => choose(Object.assign({}, identity, {languageCode: $('language').value})));
    $('first-name').addEventListener('change', () => {
      const name = $('first-name').value.trim();
      if (name) {
        choose(Object.assign({}, identity, {firstName: name}));
      }
    });
    $('new-user').addEventListener('click', () => choose({
      id: newUserId(), firstName: labels().guest, msisdn: null, languageCode: identity.languageCode
    }));
    $('drain').addEventListener('click', drain);
  }

  async function init() {
    const answer = await (await fetch('/chat/api/settings')).json();
    settings = answer.settings || {};
    $('bot-name').textContent = '@' + answer.bot.username;
    personas = await loadPersonas();
    wireControls();
    const saved = JSON.parse(store.getItem('csbot.identity') || 'null');
    choose(saved || (personas.length
      ? {id: stableUserId(personas[0].msisdn), firstName: personas[0].name, msisdn: personas[0].msisdn, languageCode: 'zh-CN'}
      : {id: newUserId(), firstName: LABELS['zh-CN'].guest, msisdn: null, languageCode: 'zh-CN'}));
  }

  window.CsbotChat = {
    decorateMessage: (fn) => decorators.push(fn),
    onEvent: (type, fn) => (eventHandlers[type] = eventHandlers[type] || []).push(fn),
    addPane: (element) => $('side').appendChild(element),
    addRow: addRow,
    post: post,
    toast: toast,
    identity: () => identity,
    settings: () => settings
  };

  init();
})();
