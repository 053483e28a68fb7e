/*
 * The agents group next to the customer's chat, when the page settings name one (agentsGroupId, agentsGroupTitle,
 * agentId, agentName): its forum topics (one per ticket), the selected topic's messages — the bot's context card and
 * copies of the customer's messages, the agents' posts — and a composer that posts in the topic as the agent. One
 * person plays both sides: the customer on the left, the agent on the right. Like the chat, everything shown comes
 * from the emulator's event stream of the group (/chat/api/events?chat=<group>).
 */
(function () {
  'use strict';

  const LABELS = {
    'zh-CN': {
      title: '客服组', you: '你是客服 {name}。每个工单一个话题：', none: '还没有工单。在左边对机器人说“人工”。',
      placeholder: '以 {name} 的身份回复…（/take /close /note /reply /lines）', send: '发送'
    },
    en: {
      title: 'Agents group', you: 'You are agent {name}. One topic per ticket:',
      none: 'No tickets yet. Say "agent" to the bot on the left.',
      placeholder: 'Reply as {name}… (/take /close /note /reply /lines)', send: 'Send'
    }
  };

  let group = null;        // {id, title, agent: {id, firstName}}
  let selected = 0;        // message_thread_id shown
  let topics = [];
  const events = [];

  function labels() {
    const identity = CsbotChat.identity();
    return LABELS[identity ? identity.languageCode : 'zh-CN'] || LABELS.en;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, name) => values[name]);
  }

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function build() {
    const pane = el('aside', 'agents');
    pane.id = 'agents';
    pane.dataset.testid = 'agents-pane';
    pane.innerHTML = '<header class="chat-header"><div class="avatar">👥</div><div>'
      + '<div class="title" id="agents-title"></div><div class="subtitle" id="agents-you"></div></div></header>'
      + '<div class="topics" id="agents-topics" data-testid="topics"></div>'
      + '<div class="messages" id="agents-messages" data-testid="topic-messages"></div>'
      + '<form class="composer" id="agents-composer" autocomplete="off">'
      + '<input id="agents-text" data-testid="topic-input"><button type="submit" id="agents-send"></button></form>';
    document.querySelector('.app').appendChild(pane);
    document.getElementById('agents-composer').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = document.getElementById('agents-text');
      const text = input.value.trim();
      if (text && selected) {
        postInTopic(text);
        input.value = '';
      }
    });
  }

  function relabel() {
    const l = labels();
    document.getElementById('agents-title').textContent = l.title + ' · ' + group.title;
    document.getElementById('agents-you').textContent = fill(l.you, {name: group.agent.firstName});
    document.getElementById('agents-text').placeholder = fill(l.placeholder, {name: group.agent.firstName});
    document.getElementById('agents-send').textContent = l.send;
  }

  async function postInTopic(text) {
    const response = await fetch('/chat/api/topic', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({user: {id: group.agent.id, firstName: group.agent.firstName, languageCode: 'en'},
        chat: group.id, thread: selected, text: text})
    });
    if (!response.ok) {
      CsbotChat.toast((await response.json()).error || response.status);
    }
  }

  async function pollTopics() {
    while (true) {
      try {
        const answer = await (await fetch('/chat/api/topics?chat=' + group.id)).json();
        const fresh = answer.topics || [];
        if (fresh.length !== topics.length) {
          const newest = fresh.length ? fresh[fresh.length - 1].threadId : 0;
          topics = fresh;
          selected = newest;  // a new ticket: show it at once
          render();
        }
      } catch (e) {
        // the emulator is restarting: try again
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  }

  async function stream() {
    let after = 0;
    while (true) {
      try {
        const batch = await (await fetch('/chat/api/events?chat=' + group.id + '&after=' + after + '&timeout=25')).json();
        (batch.events || []).forEach((event) => {
          after = Math.max(after, event.seq);
          events.push(event);
        });
        if ((batch.events || []).length) {
          render();
        }
      } catch (e) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  function threadOf(event) {
    if (event.type === 'memberPost') {
      return event.threadId;
    }
    if (event.type === 'message') {
      return (event.message.telegram || {}).message_thread_id || 0;
    }
    return -1;
  }

  function render() {
    const list = document.getElementById('agents-topics');
    list.textContent = '';
    if (!topics.length) {
      list.appendChild(el('p', 'hint', labels().none));
    }
    topics.forEach((topic) => {
      const button = el('button', topic.threadId === selected ? 'topic selected' : 'topic', topic.name);
      button.type = 'button';
      button.addEventListener('click', () => {
        selected = topic.threadId;
        render();
      });
      list.appendChild(button);
    });
    const pane = document.getElementById('agents-messages');
    pane.textContent = '';
    const shown = new Map();  // messageId → row, so an edit replaces the message
    events.filter((event) => threadOf(event) === selected).forEach((event) => {
      const row = event.type === 'memberPost' ? memberRow(event) : botRow(event.message);
      const id = event.type === 'message' ? event.message.messageId : null;
      if (id !== null && shown.has(id)) {
        shown.get(id).replaceWith(row);
      } else {
        pane.appendChild(row);
      }
      if (id !== null) {
        shown.set(id, row);
      }
    });
    pane.scrollTop = pane.scrollHeight;
  }

  function memberRow(event) {
    const row = el('div', 'row user');
    row.dataset.testid = 'agent-post';
    const bubble = el('div', 'bubble');
    bubble.appendChild(el('div', 'sender', event.fromName));
    bubble.appendChild(el('div', 'text', event.text));
    row.appendChild(bubble);
    return row;
  }

  function botRow(message) {
    const row = el('div', 'row bot');
    row.dataset.testid = 'topic-message';
    const bubble = el('div', 'bubble');
    if (message.media && message.media.kind === 'photo') {
      const img = document.createElement('img');
      img.src = '/chat/api/file/' + encodeURIComponent(message.media.fileId);
      img.alt = 'photo';
      bubble.appendChild(img);
    }
    const text = el('div', 'text', message.text || '');
    text.style.whiteSpace = 'pre-wrap';
    bubble.appendChild(text);
    row.appendChild(bubble);
    return row;
  }

  function init() {
    const settings = CsbotChat.settings();
    if (!settings.agentsGroupId) {
      return false;
    }
    group = {
      id: Number(settings.agentsGroupId), title: settings.agentsGroupTitle || '',
      agent: {id: Number(settings.agentId), firstName: settings.agentName || 'Agent'}
    };
    build();
    relabel();
    document.getElementById('language').addEventListener('change', relabel);
    render();
    pollTopics();
    stream();
    return true;
  }

  // the chat loads its settings first
  const wait = setInterval(() => {
    if (window.CsbotChat && CsbotChat.settings() && Object.keys(CsbotChat.settings()).length) {
      clearInterval(wait);
      init();
    }
  }, 100);
  setTimeout(() => clearInterval(wait), 10000);
})();
