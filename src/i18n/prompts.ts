import { messages } from './index.js';

/** The words of prompts that @inquirer/prompts would print in English: key hints, yes/no. */
export const m = messages({
  en: {
    navigate: 'navigate', select: 'select', submit: 'submit', all: 'all', invert: 'invert',
    yesNoDefaultYes: '(Y/n)', yesNoDefaultNo: '(y/N)', yes: 'yes', no: 'no', yesNoAgain: 'Answer y or n.',
    pagerKeysRead: '{percent}% · Space: next page · b: back · q: leave (the lesson stays unread)',
    pagerKeysView: '{percent}% · Space: next page · b: back · q: quit',
    pagerEndRead: 'End of the lesson · Space or q: done · b: back',
    pagerEndView: 'End · Space or q: quit · b: back',
    spaceKey: 'space', listSep: ' · ', tickOne: 'Tick at least one choice (space), then press enter.',
  },
  zh: {
    navigate: '移动', select: '选择', submit: '提交', all: '全选', invert: '反选',
    yesNoDefaultYes: '（是/否，直接回车为“是”）', yesNoDefaultNo: '（是/否，直接回车为“否”）', yes: '是', no: '否', yesNoAgain: '请回答“是”或“否”（也可以输入 y 或 n）。',
    pagerKeysRead: '{percent}% · 空格：下一页 · b：上一页 · q：离开（本课不记为已读）',
    pagerKeysView: '{percent}% · 空格：下一页 · b：上一页 · q：退出',
    pagerEndRead: '本课结束 · 空格或 q：读完 · b：上一页',
    pagerEndView: '结束 · 空格或 q：退出 · b：上一页',
    spaceKey: '空格', listSep: '、', tickOne: '请至少勾选一项（空格），再按回车。',
  },
});
