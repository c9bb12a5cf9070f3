//! Demo people: citizens who log in by SMS code, and staff, officers and a kiosk with passwords.
//! Their ID numbers pass the GB 11643 check but belong to nobody (region 110101, made-up sequences).

use huiban_api::Role;
use sha2::Digest;

/// A demo citizen: account id, name, phone, the first 17 digits of the ID number.
pub const CITIZENS: &[(&str, &str, &str, &str)] = &[
    ("c-demo-zhang", "张秀英", "13800000001", "11010119440315102"),
    ("c-demo-li", "李建国", "13800000002", "11010119500801013"),
    ("c-demo-wang", "王淑芬", "13800000003", "11010119381120024"),
    // 张秀英's son, who helps her from his own Huiban (亲友代办).
    ("c-demo-liming", "李明", "13800000004", "11010119750612003"),
];

/// A demo account with a password: id, role, username, password, name, department.
pub const PASSWORD_ACCOUNTS: &[(&str, Role, &str, &str, &str, &str)] = &[
    (
        "s-demo-zhao",
        Role::Staff,
        "staff01",
        "huiban-staff-01",
        "赵敏",
        "东城区政务服务中心",
    ),
    (
        "m-demo-sun",
        Role::Manager,
        "manager01",
        "huiban-manager-01",
        "孙丽",
        "东城区政务服务中心",
    ),
    (
        "o-demo-minzheng",
        Role::Officer,
        "officer01",
        "huiban-officer-01",
        "刘洋",
        "北京市东城区民政局",
    ),
    (
        "o-demo-renshe",
        Role::Officer,
        "officer02",
        "huiban-officer-02",
        "陈静",
        "北京市东城区人力资源和社会保障局",
    ),
    (
        "k-demo-hall-1",
        Role::KioskDevice,
        "kiosk01",
        "huiban-kiosk-01",
        "一层大厅1号自助机",
        "东城区政务服务中心",
    ),
];

/// A photo of a paper material (a 1×1 PNG) every demo citizen has uploaded, so sample
/// applications name a file their applicant holds.
pub const DEMO_PHOTO: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xf0\xe1\x03\x00\x05\xa4\x02\xd1\x5a\x6c\xe2\x6e\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

/// The name (SHA-256 in hex) of [`DEMO_PHOTO`], as an answer names it.
pub fn demo_photo_name() -> String {
    hex::encode(sha2::Sha256::digest(DEMO_PHOTO))
}
