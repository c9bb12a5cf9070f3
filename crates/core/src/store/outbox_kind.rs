//! What a row of the outbox holds: one typed kind, kept on disk as its name.

/// What a submission in the outbox is; each kind is sent by its own code in `outbox/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboxKind {
    /// An application (the answers of a form).
    Application,
    /// A case's 好差评.
    Evaluation,
    /// A case's 补正 (answers again, a photo, a note).
    Supplement,
    /// A new 诉求.
    Request,
    /// A 诉求's 回访 answers.
    RequestFollowUp,
    /// A 诉求's 评价.
    RequestEvaluation,
    /// 结束办理 of an assisted session, made without the network (staff mode): it names what was
    /// confirmed for the resident in it and is still to be sent.
    AssistedClose,
    /// 请家人帮忙: a text to a relative who helps her.
    RelativeHelp,
    /// A kind this version does not know (left by a newer one on a shared computer): kept as it
    /// is, never sent and never thrown away here.
    Unknown,
}

impl OutboxKind {
    /// Every kind this version sends.
    pub const KNOWN: [Self; 8] = [
        Self::Application,
        Self::Evaluation,
        Self::Supplement,
        Self::Request,
        Self::RequestFollowUp,
        Self::RequestEvaluation,
        Self::AssistedClose,
        Self::RelativeHelp,
    ];

    /// Its name on disk.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Application => "application",
            Self::Evaluation => "evaluation",
            Self::Supplement => "supplement",
            Self::Request => "request",
            Self::RequestFollowUp => "request_follow_up",
            Self::RequestEvaluation => "request_evaluation",
            Self::AssistedClose => "assisted_close",
            Self::RelativeHelp => "relative_help",
            Self::Unknown => "unknown",
        }
    }

    /// The kind named `name` on disk.
    pub fn of_name(name: &str) -> Self {
        Self::KNOWN
            .into_iter()
            .find(|kind| kind.name() == name)
            .unwrap_or(Self::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::OutboxKind;

    #[test]
    fn each_kind_reads_back_from_its_name_and_a_strange_name_is_unknown() {
        for kind in OutboxKind::KNOWN {
            assert_eq!(OutboxKind::of_name(kind.name()), kind);
        }
        assert_eq!(OutboxKind::of_name("passport_renewal"), OutboxKind::Unknown);
    }

    #[test]
    fn the_names_on_disk_are_those_earlier_versions_wrote() {
        let names: Vec<&str> = OutboxKind::KNOWN.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "application",
                "evaluation",
                "supplement",
                "request",
                "request_follow_up",
                "request_evaluation",
                "assisted_close",
                "relative_help"
            ]
        );
    }
}
