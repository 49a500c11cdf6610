// A stand-in for the app, built only to the test contract (docs/workbench.md, 'Test hooks').
const TEXT = {
  'zh-CN': {
    title: '互助医疗精算工作台（模拟）', scenario: '方案', open: '打开', save: '保存', other: 'English',
    editor: '方案编辑', iterations: '模拟次数', seed: '随机种子', run: '运行', cancel: '取消',
    name: '名称', 'members.count': '会员人数', 'contributions[0].amount': '缴费',
    confirm: '有未保存的修改，仍要打开？', notJson: '不是有效的 JSON', mustGrow: '必须大于上一档',
    'breaks-even': '收支平衡', 'deficit-within-backstop': '赤字在兜底范围内', 'deficit-beyond-backstop': '赤字超出兜底',
  },
  en: {
    title: 'Mutual-aid workbench (mock)', scenario: 'Scenario', open: 'Open', save: 'Save', other: '中文',
    editor: 'Scenario editor', iterations: 'Iterations', seed: 'Seed', run: 'Run', cancel: 'Cancel',
    name: 'Name', 'members.count': 'Members', 'contributions[0].amount': 'Contribution',
    confirm: 'There are unsaved edits. Open anyway?', notJson: 'not valid JSON', mustGrow: 'must be greater than the band before',
    'breaks-even': 'Breaks even', 'deficit-within-backstop': 'Deficit within the backstop', 'deficit-beyond-backstop': 'Deficit beyond the backstop',
  },
};
const DEFAULT = {
  format: 'huzhu-scenario/1',
  name: '杭州 2016（模拟） Hangzhou 2016: mock',
  members: { count: 720000 },
  contributions: [{ payer: 'member', amount: 36 }],
  benefits: [{ id: 'self-pay', type: 'bands', bands: [{ upTo: 1000, rate: 0.2 }, { upTo: 10000, rate: 0.5 }] }],
  simulation: { iterations: 10000, seed: 'hangzhou-2016' },
};
const FIELDS = ['name', 'members.count', 'contributions[0].amount'];
const KEY = 'huzhu-mock';
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

let lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
let saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
let scenario = saved?.scenario ?? structuredClone(DEFAULT);
let dirty = saved?.dirty ?? false;
let worker = null;
let lastVerdict = null;

const get = (path) => path.split(/[.[\]]+/).filter(Boolean).reduce((o, k) => o?.[k], scenario);
function set(path, value) {
  const keys = path.split(/[.[\]]+/).filter(Boolean);
  const last = keys.pop();
  keys.reduce((o, k) => o[k], scenario)[last] = value;
}
const t = (k) => TEXT[lang][k] ?? k;
const autosave = () => localStorage.setItem(KEY, JSON.stringify({ scenario, dirty }));

function buildEditor() {
  const box = document.getElementById('editor');
  for (const path of FIELDS) {
    const label = document.createElement('label');
    label.dataset.i18n = path;
    const input = document.createElement('input');
    input.dataset.field = path;
    input.addEventListener('change', () => {
      const value = path === 'name' ? input.value : Number(input.value.replace(/,/g, ''));
      set(path, value);
      dirty = true;
      autosave();
      render();
    });
    const err = document.createElement('span');
    err.dataset.fieldError = path;
    box.append(label, ' ', input, ' ', err, document.createElement('br'));
  }
}

function render() {
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('scenario-name').textContent = scenario.name;
  for (const el of document.querySelectorAll('[data-field]')) {
    if (document.activeElement !== el) el.value = String(get(el.dataset.field) ?? '');
  }
  $('iterations').value ||= String(scenario.simulation.iterations);
  $('seed').value ||= scenario.simulation.seed;
  if (lastVerdict) $('verdict').textContent = t(lastVerdict);
}

function bandsError(s) {
  for (const [bi, b] of (s.benefits ?? []).entries()) {
    for (let i = 1; i < (b.bands ?? []).length; i++) {
      if (!(b.bands[i].upTo > b.bands[i - 1].upTo)) return `benefits[${bi}].bands[${i}].upTo: ${t('mustGrow')} (${b.bands[i - 1].upTo})`;
    }
  }
  return null;
}

async function openFile(file) {
  const text = await file.text();
  $('scenario-file').value = '';
  if (dirty && !window.confirm(t('confirm'))) return;
  let next;
  try {
    next = JSON.parse(text);
  } catch (e) {
    $('error').textContent = `${file.name}: ${t('notJson')}: ${e.message}`;
    return;
  }
  const problem = bandsError(next);
  if (problem) { $('error').textContent = `${file.name}: ${problem}`; return; }
  $('error').textContent = '';
  scenario = next;
  dirty = false;
  $('iterations').value = String(scenario.simulation?.iterations ?? 10000);
  $('seed').value = scenario.simulation?.seed ?? '';
  autosave();
  render();
}

function chart(id, points) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '400');
  svg.setAttribute('height', '150');
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', points.map(([x, y]) => `${x},${150 - y}`).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'steelblue');
  const title = document.createElementNS(ns, 'title');
  title.textContent = scenario.name;
  svg.append(title, line);
  $(id).replaceChildren(svg);
}

function run() {
  if (worker) return;
  const iterations = Number($('iterations').value.replace(/,/g, ''));
  const seed = $('seed').value;
  const progress = $('progress');
  progress.hidden = false;
  progress.value = 0;
  progress.setAttribute('data-progress', '0');
  worker = new Worker(new URL('./mock-worker.js', import.meta.url));
  worker.onmessage = (e) => {
    if (e.data.type === 'progress') {
      progress.value = e.data.value;
      progress.setAttribute('data-progress', String(e.data.value));
      return;
    }
    worker.terminate();
    worker = null;
    progress.hidden = true;
    progress.removeAttribute('data-progress');
    const income = scenario.members.count * scenario.contributions[0].amount;
    const payout = income * (0.5 + e.data.mean * 0.4);
    lastVerdict = payout <= income ? 'breaks-even' : 'deficit-within-backstop';
    $('verdict').setAttribute('data-verdict', lastVerdict);
    $('report-json').value = JSON.stringify({
      format: 'huzhu-report/1', name: scenario.name, iterations, seed, income,
      expected: { payout }, simulated: { mean: payout, quantiles: { p50: payout } }, verdict: lastVerdict,
    });
    chart('chart-payout', [[0, 0], [100, 80], [200, 140], [300, 60], [400, 10]]);
    chart('chart-benefit', [[0, 0], [100, 20], [250, 90], [400, 120]]);
    render();
  };
  worker.postMessage({ iterations, seed });
}

function cancel() {
  if (!worker) return;
  worker.terminate();
  worker = null;
  $('progress').hidden = true;
  $('progress').removeAttribute('data-progress');
}

function save() {
  const blob = new Blob([JSON.stringify(scenario, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'scenario.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  dirty = false;
  autosave();
}

buildEditor();
$('scenario-file').addEventListener('change', (e) => { const f = e.target.files[0]; if (f) openFile(f); });
$('run').addEventListener('click', run);
$('cancel').addEventListener('click', cancel);
$('save').addEventListener('click', save);
$('lang').addEventListener('click', () => { lang = lang === 'en' ? 'zh-CN' : 'en'; render(); });
render();
