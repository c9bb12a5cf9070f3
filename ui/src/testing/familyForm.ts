// The form the group pages' unit tests share: one group question, 和您一起生活的家人, whose items ask
// a name, a phone number and a monthly income. Its rules are core's; the tests mock core's answers.
import type { FormDefinition, OpenDraft, Question, Value } from '../lib/types';

/** The group question: one item a family member. */
export const FAMILY_GROUP: Question = {
  id: 'family',
  kind: 'group',
  label: '和您一起生活的家人',
  required: false,
  item_name: '家庭成员',
  questions: [
    { id: 'member_name', kind: 'text', label: '这位家人叫什么名字', required: true },
    { id: 'member_phone', kind: 'phone', label: '这位家人的手机号码', required: true },
    { id: 'member_income', kind: 'money', label: '这位家人每月收入多少元', required: true },
  ],
};

/** A form of the group question alone. */
export const FAMILY_FORM: FormDefinition = {
  form_id: 'f',
  version: 1,
  title: '最低生活保障申请',
  questions: [FAMILY_GROUP],
};

/** Draft D1 of that form opened, its group answered with `family`. */
export function familyDraftOpened(family: Value): OpenDraft {
  return {
    suggestions: {},
    draft: {
      draft_id: 'D1',
      impl_code: 'ITEM',
      form_id: 'f',
      form_version: 1,
      answers: { family },
      set_aside: {},
    },
    form: FAMILY_FORM,
  };
}
