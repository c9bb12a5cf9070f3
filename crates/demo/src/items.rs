//! The demo items: departments, materials and the facts of each item, built into catalog items
//! with made-up but well-formed codes.

use huiban_api::{
    CaseType, CatalogItem, Department, Fee, FormRef, HandlingChannel, ItemType, Material,
};

use crate::credit_code;

/// Region code of the demo district (北京市东城区).
const REGION: &str = "110101";

/// The demo departments: name and the serial their made-up credit code is built from.
const DEPARTMENTS: &[(&str, u32)] = &[
    ("北京市东城区人力资源和社会保障局", 40_010_001),
    ("北京市东城区民政局", 40_010_002),
    ("北京市东城区医疗保障局", 40_010_003),
    ("北京市公安局东城分局", 40_010_004),
    ("北京市东城区残疾人联合会", 40_010_005),
    ("北京市规划和自然资源委员会东城分局", 40_010_006),
    ("北京市东城区卫生健康委员会", 40_010_007),
    ("北京市东城区住房和城市建设委员会", 40_010_008),
    ("北京市东城区退役军人事务局", 40_010_009),
    ("北京住房公积金管理中心东城管理部", 40_010_010),
];

const HRSS: usize = 0;
const CIVIL: usize = 1;
const MEDICAL: usize = 2;
const POLICE: usize = 3;
const DISABLED: usize = 4;
const LAND: usize = 5;
const HEALTH: usize = 6;
const HOUSING: usize = 7;
const VETERANS: usize = 8;
const FUND: usize = 9;

/// A material: name, required, and the licence type that satisfies it.
type MaterialSpec = (&'static str, bool, Option<&'static str>);

const ID_CARD: MaterialSpec = ("居民身份证", true, Some("居民身份证"));
const HOUSEHOLD: MaterialSpec = ("户口簿", true, Some("户口簿"));
pub(super) const BANK: MaterialSpec = ("本人社会保障卡或银行卡", true, None);
const PHOTO: MaterialSpec = ("近期一寸免冠照片", true, None);
const DIAGNOSIS: MaterialSpec = ("医院诊断证明", true, None);
const DISABILITY: MaterialSpec = ("残疾人证", true, Some("残疾人证"));
const ELDER: MaterialSpec = ("老年人优待证", false, Some("老年人优待证"));
const DEATH: MaterialSpec = ("居民死亡医学证明或火化证明", true, None);
const PROPERTY: MaterialSpec = ("不动产权证书", true, Some("不动产权证书"));
pub(super) const INCOME: MaterialSpec = ("家庭收入和财产情况说明", true, None);
const AGENT: MaterialSpec = ("代办人居民身份证（他人代办时）", false, Some("居民身份证"));

/// Describes one item: everything but the codes, which are derived from its position.
pub(super) struct Spec {
    pub(super) name: &'static str,
    summary: &'static str,
    item_type: ItemType,
    legal_days: u32,
    promised_days: u32,
    department: usize,
    pub(super) materials: &'static [MaterialSpec],
    fee: Option<(u64, &'static str)>,
}

pub(super) const SPECS: &[Spec] = &[
    Spec {
        name: "城乡居民基本养老保险待遇申领",
        summary: "年满60周岁、缴费满15年的城乡居民，申请按月领取养老金。",
        item_type: ItemType::Benefit,
        legal_days: 20,
        promised_days: 10,
        department: HRSS,
        materials: &[ID_CARD, HOUSEHOLD, BANK],
        fee: None,
    },
    Spec {
        name: "企业职工基本养老保险待遇申领",
        summary: "到了退休年龄的职工，申请按月领取退休金（养老金）。",
        item_type: ItemType::Benefit,
        legal_days: 20,
        promised_days: 10,
        department: HRSS,
        materials: &[ID_CARD, BANK],
        fee: None,
    },
    Spec {
        name: "养老保险待遇领取资格认证",
        summary: "每年确认一次领取人健在，养老金才能继续按时发放。",
        item_type: ItemType::PublicService,
        legal_days: 0,
        promised_days: 0,
        department: HRSS,
        materials: &[ID_CARD],
        fee: None,
    },
    Spec {
        name: "高龄津贴申领",
        summary: "80周岁以上的老人，每月可以领取高龄津贴。",
        item_type: ItemType::Benefit,
        legal_days: 20,
        promised_days: 15,
        department: CIVIL,
        materials: &[ID_CARD, HOUSEHOLD, BANK],
        fee: None,
    },
    Spec {
        name: "老年人优待证办理",
        summary: "60周岁以上的老人办理优待证，乘车、游园等可享受优惠。",
        item_type: ItemType::PublicService,
        legal_days: 10,
        promised_days: 5,
        department: CIVIL,
        materials: &[ID_CARD, PHOTO],
        fee: None,
    },
    Spec {
        name: "医保异地就医备案",
        summary: "长期在外地居住或到外地看病，先备案，看病就能直接结算。",
        item_type: ItemType::PublicService,
        legal_days: 0,
        promised_days: 0,
        department: MEDICAL,
        materials: &[ID_CARD],
        fee: None,
    },
    Spec {
        name: "居住证办理",
        summary: "在本地居住满半年的外地户籍人员，办理居住证享受本地公共服务。",
        item_type: ItemType::Confirmation,
        legal_days: 15,
        promised_days: 10,
        department: POLICE,
        materials: &[
            ID_CARD,
            PHOTO,
            ("住所证明（房产证明或租房合同）", true, None),
        ],
        fee: None,
    },
    Spec {
        name: "残疾人证办理",
        summary: "经评定为残疾的人员，办理残疾人证，享受相关补贴和服务。",
        item_type: ItemType::PublicService,
        legal_days: 30,
        promised_days: 20,
        department: DISABLED,
        materials: &[ID_CARD, HOUSEHOLD, PHOTO, DIAGNOSIS],
        fee: None,
    },
    Spec {
        name: "最低生活保障申请",
        summary: "家庭收入低于本地低保标准的，申请每月领取低保金。",
        item_type: ItemType::Benefit,
        legal_days: 30,
        promised_days: 20,
        department: CIVIL,
        materials: &[ID_CARD, HOUSEHOLD, INCOME],
        fee: None,
    },
    Spec {
        name: "户口迁移",
        summary: "投靠子女、购房落户等，把户口从一地迁到另一地。",
        item_type: ItemType::Confirmation,
        legal_days: 20,
        promised_days: 10,
        department: POLICE,
        materials: &[ID_CARD, HOUSEHOLD, ("迁入地住所证明", true, None)],
        fee: None,
    },
    Spec {
        name: "不动产登记信息查询",
        summary: "查询本人名下房屋等不动产的登记信息，当场出结果。",
        item_type: ItemType::PublicService,
        legal_days: 0,
        promised_days: 0,
        department: LAND,
        materials: &[ID_CARD],
        fee: None,
    },
    Spec {
        name: "殡葬补贴申领",
        summary: "本区户籍居民去世后，家属申请基本殡葬服务费用补贴。",
        item_type: ItemType::Benefit,
        legal_days: 20,
        promised_days: 10,
        department: CIVIL,
        materials: &[DEATH, ("申领人居民身份证", true, Some("居民身份证")), BANK],
        fee: None,
    },
    Spec {
        name: "特困人员救助供养申请",
        summary: "无劳动能力、无收入、无人赡养的老人，申请政府救助供养。",
        item_type: ItemType::Benefit,
        legal_days: 30,
        promised_days: 20,
        department: CIVIL,
        materials: &[ID_CARD, HOUSEHOLD, INCOME],
        fee: None,
    },
    Spec {
        name: "困难残疾人生活补贴和重度残疾人护理补贴申领",
        summary: "生活困难或重度残疾的人员，每月领取生活补贴或护理补贴。",
        item_type: ItemType::Benefit,
        legal_days: 20,
        promised_days: 15,
        department: CIVIL,
        materials: &[ID_CARD, DISABILITY, BANK],
        fee: None,
    },
    Spec {
        name: "城乡居民基本医疗保险参保登记",
        summary: "没有职工医保的居民，登记参加城乡居民医保。",
        item_type: ItemType::PublicService,
        legal_days: 0,
        promised_days: 0,
        department: MEDICAL,
        materials: &[ID_CARD, HOUSEHOLD],
        fee: None,
    },
    Spec {
        name: "医疗费用手工报销",
        summary: "看病时没能直接结算的医疗费，拿单据申请报销。",
        item_type: ItemType::Benefit,
        legal_days: 30,
        promised_days: 20,
        department: MEDICAL,
        materials: &[ID_CARD, ("医疗费用发票和费用清单", true, None), BANK],
        fee: None,
    },
    Spec {
        name: "门诊慢特病待遇认定",
        summary: "患有高血压、糖尿病等慢性病的，认定后门诊报销比例更高。",
        item_type: ItemType::Confirmation,
        legal_days: 15,
        promised_days: 10,
        department: MEDICAL,
        materials: &[ID_CARD, DIAGNOSIS],
        fee: None,
    },
    Spec {
        name: "长期护理保险失能评估申请",
        summary: "长期卧床、生活不能自理的，申请评估后享受护理保险待遇。",
        item_type: ItemType::PublicService,
        legal_days: 30,
        promised_days: 20,
        department: MEDICAL,
        materials: &[ID_CARD, DIAGNOSIS, AGENT],
        fee: None,
    },
    Spec {
        name: "居民身份证换领",
        summary: "身份证到期或损坏，换领新的居民身份证。",
        item_type: ItemType::Confirmation,
        legal_days: 60,
        promised_days: 30,
        department: POLICE,
        materials: &[ID_CARD, HOUSEHOLD],
        fee: Some((2000, "居民身份证工本费")),
    },
    Spec {
        name: "临时居民身份证办理",
        summary: "急需用身份证、新证还没办好的，当场办理临时身份证。",
        item_type: ItemType::Confirmation,
        legal_days: 0,
        promised_days: 0,
        department: POLICE,
        materials: &[HOUSEHOLD, PHOTO],
        fee: Some((1000, "临时居民身份证工本费")),
    },
    Spec {
        name: "户口簿补领",
        summary: "户口簿丢失或损坏，补领一本新的户口簿。",
        item_type: ItemType::Confirmation,
        legal_days: 10,
        promised_days: 5,
        department: POLICE,
        materials: &[ID_CARD],
        fee: None,
    },
    Spec {
        name: "老年人能力综合评估",
        summary: "评估老人日常生活能力，作为享受养老服务补贴的依据。",
        item_type: ItemType::PublicService,
        legal_days: 20,
        promised_days: 15,
        department: CIVIL,
        materials: &[ID_CARD, AGENT],
        fee: None,
    },
    Spec {
        name: "居家养老服务补贴申请",
        summary: "经评估需要照料的老人，申请居家养老服务补贴。",
        item_type: ItemType::Benefit,
        legal_days: 20,
        promised_days: 15,
        department: CIVIL,
        materials: &[ID_CARD, HOUSEHOLD, ELDER],
        fee: None,
    },
    Spec {
        name: "家庭养老床位申请",
        summary: "在家养老、需要专业照护的老人，申请把家里的床位纳入养老服务。",
        item_type: ItemType::PublicService,
        legal_days: 20,
        promised_days: 10,
        department: CIVIL,
        materials: &[ID_CARD, AGENT],
        fee: None,
    },
    Spec {
        name: "社会保障卡申领",
        summary: "第一次办理社会保障卡，看病、领养老金都要用到。",
        item_type: ItemType::PublicService,
        legal_days: 20,
        promised_days: 10,
        department: HRSS,
        materials: &[ID_CARD, PHOTO],
        fee: None,
    },
    Spec {
        name: "社会保障卡挂失与补换",
        summary: "社保卡丢了马上挂失，再补办一张新卡。",
        item_type: ItemType::PublicService,
        legal_days: 0,
        promised_days: 0,
        department: HRSS,
        materials: &[ID_CARD],
        fee: None,
    },
    Spec {
        name: "基本养老保险关系转移接续",
        summary: "在外地交过养老保险的，把缴费记录转到本地合并计算。",
        item_type: ItemType::PublicService,
        legal_days: 45,
        promised_days: 15,
        department: HRSS,
        materials: &[ID_CARD, ("参保缴费凭证", true, None)],
        fee: None,
    },
    Spec {
        name: "丧葬补助金和抚恤金申领",
        summary: "参保职工或退休人员去世后，家属申领丧葬补助金和抚恤金。",
        item_type: ItemType::Benefit,
        legal_days: 20,
        promised_days: 10,
        department: HRSS,
        materials: &[
            DEATH,
            ("申领人居民身份证", true, Some("居民身份证")),
            ("亲属关系证明", true, None),
        ],
        fee: None,
    },
    Spec {
        name: "医疗救助申请",
        summary: "低保、特困等困难人员看病自付太多的，申请医疗救助。",
        item_type: ItemType::Benefit,
        legal_days: 30,
        promised_days: 20,
        department: MEDICAL,
        materials: &[ID_CARD, ("医疗费用发票", true, None)],
        fee: None,
    },
    Spec {
        name: "不动产转移登记（继承）",
        summary: "继承亲人的房屋，办理过户登记到自己名下。",
        item_type: ItemType::Confirmation,
        legal_days: 30,
        promised_days: 10,
        department: LAND,
        materials: &[
            ID_CARD,
            PROPERTY,
            DEATH,
            ("继承权公证书或生效法律文书", true, None),
        ],
        fee: Some((8000, "不动产登记费（住宅）")),
    },
    Spec {
        name: "公共租赁住房申请",
        summary: "住房困难的家庭，申请租住政府提供的公共租赁住房。",
        item_type: ItemType::PublicService,
        legal_days: 60,
        promised_days: 30,
        department: HOUSING,
        materials: &[ID_CARD, HOUSEHOLD, INCOME],
        fee: None,
    },
    Spec {
        name: "退休提取住房公积金",
        summary: "退休以后，把住房公积金账户里的钱一次取出来。",
        item_type: ItemType::PublicService,
        legal_days: 0,
        promised_days: 0,
        department: FUND,
        materials: &[ID_CARD, BANK],
        fee: None,
    },
    Spec {
        name: "退役军人优待证申领",
        summary: "退役军人和其他优抚对象，申领优待证享受优待服务。",
        item_type: ItemType::PublicService,
        legal_days: 20,
        promised_days: 15,
        department: VETERANS,
        materials: &[ID_CARD, PHOTO],
        fee: None,
    },
    Spec {
        name: "困难老年人家庭适老化改造申请",
        summary: "给困难老人家里装扶手、防滑地面等，政府给予补贴。",
        item_type: ItemType::Benefit,
        legal_days: 30,
        promised_days: 20,
        department: CIVIL,
        materials: &[ID_CARD, PROPERTY],
        fee: None,
    },
    Spec {
        name: "计划生育家庭特别扶助金申领",
        summary: "独生子女伤残或去世的父母，每月领取特别扶助金。",
        item_type: ItemType::Benefit,
        legal_days: 30,
        promised_days: 20,
        department: HEALTH,
        materials: &[ID_CARD, HOUSEHOLD, BANK],
        fee: None,
    },
    Spec {
        name: "65岁及以上老年人免费健康体检",
        summary: "65岁以上的老人每年可以在社区卫生服务中心免费体检一次。",
        item_type: ItemType::PublicService,
        legal_days: 0,
        promised_days: 0,
        department: HEALTH,
        materials: &[ID_CARD],
        fee: None,
    },
];

/// Version of every demo form.
pub(super) const FORM_VERSION: u32 = 1;

pub(super) fn form_id(sequence: usize) -> String {
    format!("form-{sequence:03}")
}

/// The catalog item described by `spec`, the `sequence`th of the catalog.
pub(super) fn build(sequence: usize, spec: &Spec) -> CatalogItem {
    let (department_name, serial) = DEPARTMENTS[spec.department];
    let type_code = serde_json::to_value(spec.item_type)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default();
    let basic_code = format!("0001{type_code}{sequence:03}000");
    let on_the_spot = spec.promised_days == 0;
    let mut channels = vec![
        HandlingChannel::Counter,
        HandlingChannel::Web,
        HandlingChannel::Mobile,
        HandlingChannel::Kiosk,
    ];
    if !on_the_spot {
        channels.push(HandlingChannel::Post);
    }
    CatalogItem {
        impl_code: format!("{REGION}{:02}{basic_code}0001", spec.department + 1),
        basic_code,
        name: spec.name.to_owned(),
        summary: spec.summary.to_owned(),
        item_type: spec.item_type,
        case_type: if on_the_spot {
            CaseType::OnTheSpot
        } else {
            CaseType::Promised
        },
        legal_days: spec.legal_days,
        promised_days: spec.promised_days,
        channels,
        department: Department {
            name: department_name.to_owned(),
            credit_code: credit_code::for_government_body(REGION, serial).unwrap_or_default(),
        },
        materials: spec
            .materials
            .iter()
            .map(|&(name, required, licence_type)| Material {
                name: name.to_owned(),
                required,
                original_count: 1,
                copy_count: u32::from(licence_type.is_none()),
                licence_type: licence_type.map(str::to_owned),
            })
            .collect(),
        fee: spec.fee.map(|(amount_fen, description)| Fee {
            amount_fen,
            description: description.to_owned(),
        }),
        form: Some(FormRef {
            form_id: form_id(sequence),
            version: FORM_VERSION,
        }),
    }
}
