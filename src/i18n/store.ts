import { messages } from './index.js';

export const m = messages({
  en: {
    homeUnwritable: 'The data folder {path} cannot be created or written.',
    homeUnwritableHint: 'Fix its permissions, or choose another folder with --home or DLPATH_HOME.',
    openFailed: 'Cannot open the progress database {path}: {reason}',
    notOurs: '{path} is not a dlpath progress database.',
    notOursHint: 'dlpath leaves it alone. Move it away, or use another folder with --home or DLPATH_HOME.',
    tooNew: '{path} was written by a newer dlpath (schema {version}; this one knows up to {known}).',
    tooNewHint: 'Upgrade dlpath (npm install -g dlpath@latest); the file was not changed.',
    damaged: 'The progress database {path} is damaged.',
    damagedHint: 'dlpath did not change it. Keep a copy, then try: sqlite3 {path} ".recover" | sqlite3 repaired.db',
    busy: 'The progress database {path} stayed locked by another dlpath for too long; try again.',
    readOnly: 'The progress database {path} cannot be written.',
    readOnlyHint: 'Give yourself write permission on it (chmod u+w {path}), or use another folder with --home or DLPATH_HOME.',
  },
  zh: {
    homeUnwritable: '无法创建或写入数据文件夹 {path}。',
    homeUnwritableHint: '请修正它的权限，或用 --home / DLPATH_HOME 换一个文件夹。',
    openFailed: '无法打开进度数据库 {path}：{reason}',
    notOurs: '{path} 不是 dlpath 的进度数据库。',
    notOursHint: 'dlpath 不会改动它。请把它移开，或用 --home / DLPATH_HOME 换一个文件夹。',
    tooNew: '{path} 由更新版本的 dlpath 写入（结构版本 {version}，本版本最高支持 {known}）。',
    tooNewHint: '请升级 dlpath（npm install -g dlpath@latest）；文件没有被改动。',
    damaged: '进度数据库 {path} 已损坏。',
    damagedHint: 'dlpath 没有改动它。请先备份，再尝试：sqlite3 {path} ".recover" | sqlite3 repaired.db',
    busy: '进度数据库 {path} 被另一个 dlpath 进程锁定太久，请重试。',
    readOnly: '进度数据库 {path} 无法写入。',
    readOnlyHint: '请给自己加上写权限（chmod u+w {path}），或用 --home / DLPATH_HOME 换一个文件夹。',
  },
});
