// The staff window's commands as the browser tests answer them, over `staff` (where the clerk
// stands; her PIN is 2468; 下班退出 is refused first while `waiting` things for residents wait to be
// sent) and `assisted` (the session at the counter; 张秀英's code is 123456, the
// demo manager approves a signature with manager01 / huiban-manager-01), `kioskCalls` (the
// centre's kiosks asking for staff) and `callBacks` (residents of her district asking to be called). Run in the page before the
// app, as an init script: it leaves the answers in `window.__staffCommands` for the harness's table.

/** Puts the staff commands' answers in `window.__staffCommands`. */
export function installStaffCommands({
  staff,
  staffAtWork,
  staffLoggedOut,
  assisted,
  assistedOpen,
  counterDay,
  figures,
  waiting,
  kioskCalls,
  callBacks,
}) {
  let calls = kioskCalls;
  let open = callBacks;
  window.__staffCommands = {
    staff_status: () => staff,
    staff_log_in: ({ username, password }) => {
      if (username !== 'staff01' || password !== 'huiban-staff-01') {
        throw { code: 'error-platform-answered', message: '办事平台说：账号或密码不对。' };
      }
      Object.assign(staff, staffAtWork);
      return staff;
    },
    staff_input: () => null,
    staff_lock: () => {
      staff.locked = true;
      return null;
    },
    staff_set_pin: ({ pin }) => {
      if (!/^[0-9]{4,6}$/.test(pin)) throw { code: 'staff-pin-format', message: '解锁密码要用4到6位数字。' };
      staff.pin_usable = true;
      return null;
    },
    staff_unlock_pin: ({ pin }) => {
      if (pin !== '2468') throw { code: 'staff-pin-wrong', message: '解锁密码不对，还可以再试4次。' };
      staff.locked = false;
      return staff;
    },
    staff_unlock_password: () => {
      staff.locked = false;
      return staff;
    },
    staff_log_out: ({ evenWithUnsent }) => {
      if (waiting > 0 && !evenWithUnsent) {
        throw {
          code: 'staff-unsent-waiting',
          message: `还有${waiting}件为居民办的事没有发出去。最好连上网络，等它们发出去再退出。现在连不上网也可以退出：本中心的工作人员下次在这台电脑上登录，连上网络后会自动发出去。`,
        };
      }
      Object.assign(staff, staffLoggedOut);
      return null;
    },
    // Acting for a resident at the counter (the session is `assisted`; 张秀英's code is 123456).
    assisted_check_id_number: ({ idNumber }) => {
      const number = idNumber.replace(/\s/g, '').toUpperCase();
      if (number.length !== 18) {
        throw { code: 'assisted-id-number-length', message: `身份证号码是18位，现在输入了${number.length}位。` };
      }
      return number;
    },
    assisted_read_card: () => ({ name: '张秀英', id_number: '110101194403151029' }),
    assisted_start: ({ name }) => {
      assisted = { ...assistedOpen, open: false, phone_masked: null, resident_name: name };
      return assisted;
    },
    assisted_consent_code: ({ code }) => {
      if (code !== '123456') {
        throw { code: 'error-platform-answered', message: '办事平台说：验证码不对，请居民看清短信里的6位数字再说一次。' };
      }
      assisted = assistedOpen;
      return assisted;
    },
    assisted_consent_signature: ({ drawing, managerUsername, managerPassword }) => {
      if (!drawing.startsWith('data:image/png;base64,')) {
        throw { code: 'assisted-signature-missing', message: '还没有签名。请居民用手指或鼠标在框里写下自己的名字。' };
      }
      if (managerUsername !== 'manager01' || managerPassword !== 'huiban-manager-01') {
        throw {
          code: 'error-platform-answered',
          message: '办事平台说：负责人的账号或密码不对，或者不是本中心的负责人。请本中心负责人本人输入。',
        };
      }
      window.__signedWith = { drawing, managerUsername };
      assisted = assistedOpen;
      return assisted;
    },
    assisted_current: () => assisted,
    // The centre's figures, for its manager (`staff.manager`); the CSV is "saved" where it says.
    centre_figures: () => {
      if (!staff.manager) throw { code: 'figures-not-manager', message: '只有服务中心负责人能看中心数据。' };
      return figures;
    },
    centre_figures_save_csv: () => {
      window.__csvSaved = (window.__csvSaved ?? 0) + 1;
      return '表格已经存好了：/home/sunli/文档/惠办报表/中心数据-20260330-1100.csv';
    },
    assisted_served_today: () => counterDay.servedToday,
    assisted_again: () => {
      assisted = { ...assistedOpen, open: false, phone_masked: null };
      return assisted;
    },
    assisted_end: () => {
      assisted = null;
      return null;
    },
    // The centre's kiosk calls (请工作人员过来): 我过去 makes her the one going, 处理好了 ends one.
    staff_kiosk_calls: () => calls,
    staff_answer_kiosk_call: ({ callId }) => {
      calls = calls.map((call) => (call.call_id === callId ? { ...call, answered_by: '赵敏', mine: true } : call));
      return calls;
    },
    staff_end_kiosk_call: ({ callId }) => {
      calls = calls.filter((call) => call.call_id !== callId);
      window.__callsEnded = (window.__callsEnded ?? 0) + 1;
      return calls;
    },
    // Residents' call-backs (请工作人员给我回电话): 已回电话 takes one off.
    staff_call_backs: () => open,
    staff_call_back_called: ({ requestNo }) => {
      open = open.filter((callBack) => callBack.request_no !== requestNo);
      window.__calledBack = [...(window.__calledBack ?? []), requestNo];
      return open;
    },
  };
}
