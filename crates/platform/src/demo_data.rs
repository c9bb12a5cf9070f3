//! Demo catalog: service items that older residents of one district need most, with made-up codes.

use huiban_api::{
    CaseType, CatalogItem, Channel, ChoiceOption, Department, Fee, FormDefinition, FormRef,
    ItemType, KnownFact, Material, NewApplication, Question, QuestionKind, id_number,
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
const BANK: MaterialSpec = ("本人社会保障卡或银行卡", true, None);
const PHOTO: MaterialSpec = ("近期一寸免冠照片", true, None);
const DIAGNOSIS: MaterialSpec = ("医院诊断证明", true, None);
const DISABILITY: MaterialSpec = ("残疾人证", true, Some("残疾人证"));
const ELDER: MaterialSpec = ("老年人优待证", false, Some("老年人优待证"));
const DEATH: MaterialSpec = ("居民死亡医学证明或火化证明", true, None);
const PROPERTY: MaterialSpec = ("不动产权证书", true, Some("不动产权证书"));
const INCOME: MaterialSpec = ("家庭收入和财产情况说明", true, None);
const AGENT: MaterialSpec = ("代办人居民身份证（他人代办时）", false, Some("居民身份证"));

/// Describes one item: everything but the codes, which are derived from its position.
struct Spec {
    name: &'static str,
    summary: &'static str,
    item_type: ItemType,
    legal_days: u32,
    promised_days: u32,
    department: usize,
    materials: &'static [MaterialSpec],
    fee: Option<(u64, &'static str)>,
}

const SPECS: &[Spec] = &[
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

/// Loads the demo catalog and forms into an empty catalog; returns whether anything was loaded.
pub fn seed(store: &crate::Store) -> Result<bool, crate::StoreError> {
    if store.catalog_count()? > 0 {
        return Ok(false);
    }
    store.publish_forms(&form_definitions())?;
    store.upsert_catalog_items(&catalog_items())?;
    Ok(true)
}

/// A complete application for the first demo item whose name contains `name_part`, answered as a
/// demo applicant whose ID number starts with the 17 digits `id_first17`; for demos, tests and benchmarks.
pub fn sample_application(name_part: &str, id_first17: &str) -> Option<NewApplication> {
    let item = catalog_items()
        .into_iter()
        .find(|i| i.name.contains(name_part))?;
    let form_ref = item.form.clone()?;
    let form = form_definitions()
        .into_iter()
        .find(|f| f.form_id == form_ref.form_id)?;
    let id = format!("{id_first17}{}", id_number::check_character(id_first17)?);
    let answers = form
        .questions
        .iter()
        .map(|q| {
            let value = match q.kind {
                QuestionKind::IdNumber => serde_json::json!(id),
                QuestionKind::Phone => serde_json::json!("13800000001"),
                QuestionKind::Address => {
                    serde_json::json!({"region": "110101", "detail": "和平里街道示例社区1号楼2单元301"})
                }
                QuestionKind::BankCard => serde_json::json!("6222020200112233446"),
                QuestionKind::YesNo => serde_json::json!(false),
                QuestionKind::Group => serde_json::json!([]),
                QuestionKind::Attachment | QuestionKind::Licence => {
                    serde_json::json!(crate::demo_accounts::demo_photo_name())
                }
                _ => serde_json::json!("张秀英"),
            };
            (q.id.clone(), value)
        })
        .collect();
    Some(NewApplication {
        impl_code: item.impl_code,
        form_id: form_ref.form_id,
        form_version: form_ref.version,
        answers,
        channel: Channel::Web,
    })
}

/// The demo catalog items, in a stable order with stable codes.
pub fn catalog_items() -> Vec<CatalogItem> {
    SPECS
        .iter()
        .enumerate()
        .map(|(index, spec)| build(index + 1, spec))
        .collect()
}

/// Version of every demo form.
const FORM_VERSION: u32 = 1;

fn form_id(sequence: usize) -> String {
    format!("form-{sequence:03}")
}

/// The application form of every demo item, one per item.
pub fn form_definitions() -> Vec<FormDefinition> {
    SPECS
        .iter()
        .enumerate()
        .map(|(index, spec)| form(index + 1, spec))
        .collect()
}

fn question(
    id: &str,
    kind: QuestionKind,
    label: &str,
    hint: Option<&str>,
    required: bool,
) -> Question {
    Question {
        hint: hint.map(str::to_owned),
        required,
        ..Question::new(id, kind, label)
    }
}

/// `question` filled in from what is known of the person, for them to confirm.
fn known(question: Question, fact: KnownFact) -> Question {
    Question {
        prefill: Some(fact),
        ..question
    }
}

/// The family members who live with the applicant, each asked name, relation, ID number and monthly
/// income one a page (items whose support depends on the household's income).
fn family_members() -> Question {
    use QuestionKind as K;
    let relations = [
        ("spouse", "配偶"),
        ("child", "子女"),
        ("parent", "父母"),
        ("grandchild", "孙子女"),
        ("other", "其他亲属"),
    ];
    let relation = Question {
        options: relations
            .iter()
            .map(|(value, label)| ChoiceOption {
                value: (*value).to_owned(),
                label: (*label).to_owned(),
            })
            .collect(),
        ..question(
            "member_relation",
            K::SingleChoice,
            "这位家人是您的什么人",
            None,
            true,
        )
    };
    Question {
        questions: vec![
            question(
                "member_name",
                K::Text,
                "这位家人叫什么名字",
                Some("和他的身份证上的一样"),
                true,
            ),
            relation,
            question(
                "member_id_number",
                K::IdNumber,
                "这位家人的身份证号码",
                Some("18位，最后一位可能是X"),
                true,
            ),
            question(
                "member_income",
                K::Money,
                "这位家人每月收入多少元",
                Some("没有收入的填0"),
                true,
            ),
        ],
        item_name: Some("家庭成员".to_owned()),
        ..question(
            "family",
            K::Group,
            "和您一起生活的家人",
            Some("配偶、子女等一起生活的家人都要填上；一个人生活的，直接点“下一步”"),
            false,
        )
    }
}

fn form(sequence: usize, spec: &Spec) -> FormDefinition {
    use QuestionKind as K;
    let mut questions = vec![
        known(
            question(
                "applicant_name",
                K::Text,
                "您的姓名",
                Some("和身份证上的一样"),
                true,
            ),
            KnownFact::Name,
        ),
        known(
            question(
                "id_number",
                K::IdNumber,
                "您的身份证号码",
                Some("18位，最后一位可能是X"),
                true,
            ),
            KnownFact::IdNumber,
        ),
        known(
            question(
                "phone",
                K::Phone,
                "您的手机号码",
                Some("办理进度会发短信到这个号码"),
                true,
            ),
            KnownFact::Phone,
        ),
        known(
            question("address", K::Address, "您现在住在哪里", None, true),
            KnownFact::Address,
        ),
    ];
    for (name, required, licence_type) in spec.materials {
        let (id, kind, label, hint) = if licence_type.is_some() {
            (
                "licence",
                K::Licence,
                format!("请选择您的电子{name}"),
                "有电子证照就不用再交纸质材料",
            )
        } else {
            (
                "material",
                K::Attachment,
                format!("请拍照上传：{name}"),
                "可以用手机拍照，照片要清楚",
            )
        };
        let id = format!("{id}_{}", questions.len());
        questions.push(Question {
            licence_type: licence_type.map(str::to_owned),
            ..question(&id, kind, &label, Some(hint), *required)
        });
    }
    if spec.materials.contains(&INCOME) {
        questions.push(family_members());
    }
    if spec.materials.contains(&BANK) {
        questions.push(question(
            "bank_card",
            K::BankCard,
            "钱发到哪张银行卡",
            Some("请填写卡上的卡号"),
            true,
        ));
    }
    questions.push(question(
        "by_agent",
        K::YesNo,
        "是不是别人帮您办理",
        None,
        true,
    ));
    // Asked only when someone else applies for the person.
    let mut agent = question(
        "agent_name",
        K::Text,
        "帮您办理的人叫什么名字",
        Some("和他的身份证上的一样"),
        true,
    );
    agent.show_if = Some(huiban_api::Condition {
        question: "by_agent".to_owned(),
        equals: serde_json::json!(true),
    });
    questions.push(agent);
    FormDefinition {
        form_id: form_id(sequence),
        version: FORM_VERSION,
        title: spec.name.to_owned(),
        questions,
    }
}

fn build(sequence: usize, spec: &Spec) -> CatalogItem {
    let (department_name, serial) = DEPARTMENTS[spec.department];
    let type_code = serde_json::to_value(spec.item_type)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default();
    let basic_code = format!("0001{type_code}{sequence:03}000");
    let on_the_spot = spec.promised_days == 0;
    let mut channels = vec![
        Channel::Counter,
        Channel::Web,
        Channel::Mobile,
        Channel::Kiosk,
    ];
    if !on_the_spot {
        channels.push(Channel::Post);
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

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn at_least_thirty_items_with_unique_well_formed_codes() {
        let items = catalog_items();
        assert!(items.len() >= 30, "only {} demo items", items.len());
        let codes: HashSet<_> = items.iter().map(|i| i.impl_code.clone()).collect();
        assert_eq!(codes.len(), items.len(), "impl_code must be unique");
        for item in &items {
            assert!(item.impl_code.len() <= 24, "{} too long", item.impl_code);
            assert_eq!(item.department.credit_code.len(), 18, "{}", item.name);
            assert!(!item.materials.is_empty(), "{} has no materials", item.name);
            assert!(item.legal_days >= item.promised_days, "{}", item.name);
        }
    }

    #[test]
    fn the_items_older_people_ask_for_are_there() {
        let names: HashSet<_> = catalog_items().into_iter().map(|i| i.name).collect();
        for name in [
            "高龄津贴申领",
            "老年人优待证办理",
            "医保异地就医备案",
            "居住证办理",
            "残疾人证办理",
            "最低生活保障申请",
            "户口迁移",
            "不动产登记信息查询",
            "殡葬补贴申领",
            "城乡居民基本养老保险待遇申领",
        ] {
            assert!(names.contains(name), "missing {name}");
        }
    }

    #[test]
    fn every_item_has_a_form_with_unique_question_ids() {
        let forms = form_definitions();
        for item in catalog_items() {
            let form_ref = item.form.expect("every demo item is online");
            let form = forms
                .iter()
                .find(|f| f.form_id == form_ref.form_id && f.version == form_ref.version)
                .expect("form exists");
            assert_eq!(form.title, item.name);
            let ids: HashSet<_> = form.questions.iter().map(|q| q.id.as_str()).collect();
            assert_eq!(ids.len(), form.questions.len(), "{}", item.name);
        }
    }

    #[test]
    fn on_the_spot_items_are_case_type_one() {
        for item in catalog_items() {
            assert_eq!(
                item.case_type == CaseType::OnTheSpot,
                item.promised_days == 0,
                "{}",
                item.name
            );
        }
    }
}
