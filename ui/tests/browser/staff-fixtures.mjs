// The staff window's states as the browser tests show them: 赵敏 logged out or at work, and the
// session at the counter once 张秀英 consented (the shapes of core's `StaffStatus` and `AssistedView`).

/** Where the clerk stands with nobody logged in in the staff window. */
export const STAFF_LOGGED_OUT = {
  logged_in: false,
  clerk_name: null,
  centre: null,
  locked: false,
  pin_usable: false,
  ends_at_words: null,
  day_over: false,
  card_reader: false,
  manager: false,
};

/** Where the clerk stands at work: 赵敏 logged in, her screen open. */
export const STAFF_AT_WORK = {
  ...STAFF_LOGGED_OUT,
  logged_in: true,
  clerk_name: '赵敏',
  centre: '东城区政务服务中心',
  ends_at_words: '今天 18:30',
  card_reader: true,
  manager: false,
};

/** The centre's manager at work: 孙丽 logged in, her PIN set, her screen open. */
export const MANAGER_AT_WORK = {
  ...STAFF_AT_WORK,
  clerk_name: '孙丽',
  pin_usable: true,
  card_reader: false,
  manager: true,
};

/** The session at the counter once 张秀英 consented (what core's `AssistedView` holds). */
export const ASSISTED_OPEN = {
  open: true,
  resident_name: '张秀英',
  id_number_masked: '110…1029',
  phone_masked: '138****0001',
  banner: '正在为 张秀英（110…1029）办理',
  consent_words: [
    '工作人员能看到：您的姓名、身份证号码和手机号码，您的电子证照，您办过的事和办到了哪一步。',
    '工作人员能为您做：申请办事、补交材料、提诉求、查进度。',
    '工作人员不能：替您评价、替您投诉或举报、看您的消息。',
    '工作人员做的每一件事都会记下来，您在自己的惠办里“谁帮我办过”能看到。结束办理后，工作人员就不能再看了。',
  ],
};

/** The day at the counter: what 张秀英 sees in 谁帮我办过, and 赵敏's residents of today (core's
 * `ActedForMeView` and `ServedTodayView`). */
export const COUNTER_DAY = {
  actedForMe: [
    {
      session_id: 'as-1',
      when: '2026年11月30日 09:30',
      who: '东城区政务服务中心 赵敏',
      centre: '东城区政务服务中心',
      how: '您用短信验证码同意了',
      open: false,
      reportable: true,
      did: ['看了您的姓名和手机号码', '看了您的电子证照', '替您申请了办事'],
    },
  ],
  servedToday: [
    {
      session_id: 'as-3',
      when: '10:40',
      resident: '李*',
      status: '居民没有同意',
      did: [],
      waiting: 0,
      can_again: false,
    },
    {
      session_id: 'as-2',
      when: '10:05',
      resident: '王*芬（110…0024）',
      status: '已结束',
      did: ['提了诉求'],
      waiting: 1,
      can_again: true,
    },
    {
      session_id: 'as-1',
      when: '09:30',
      resident: '张*英（110…1029）',
      status: '已结束',
      did: ['申请了办事', '补交了材料'],
      waiting: 0,
      can_again: true,
    },
  ],
};

/** Two kiosks of her centre asking for staff: one nobody answered yet, one 钱进 is going to. */
export const KIOSK_CALLS = [
  {
    call_id: '5f0c3a2e-8d1b-4c6a-9e7f-1a2b3c4d5e6f',
    kiosk_name: '一层大厅1号自助机',
    since_words: '今天 10:42',
    answered_by: null,
    mine: false,
    announcement: '自助机求助：一层大厅1号自助机有人请工作人员过去',
  },
  {
    call_id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    kiosk_name: '二层大厅3号自助机',
    since_words: '今天 10:39',
    answered_by: '钱进',
    mine: false,
    announcement: null,
  },
];

/** Residents of her district asking to be called back, as core shows them (`CallBackView`). */
export const CALL_BACKS = [
  {
    request_no: 'SQ20261203000001',
    said: '张秀英请您回电话（今天 10:42起）',
    phone: '138 0000 0001',
    description: '请工作人员给我回电话。我当时在看：高龄津贴申领。',
  },
];
