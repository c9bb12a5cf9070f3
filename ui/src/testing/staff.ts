// Where the clerk stands in the staff window's unit tests: 赵敏 at work, her screen open.

import type { StaffStatus } from '../lib/types';

/** 赵敏 logged in with her PIN set, on a computer with an ID-card reader. */
export const CLERK_AT_WORK: StaffStatus = {
  logged_in: true,
  clerk_name: '赵敏',
  centre: '东城区政务服务中心',
  locked: false,
  pin_usable: true,
  ends_at_words: '今天 18:30',
  day_over: false,
  card_reader: true,
  manager: false,
};
