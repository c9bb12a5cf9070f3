# Official terms in plain words. Each message says what the term means for the person; its `.term`
# attribute is the official Chinese term it replaces. Screens show the plain words, never the term.

glossary-promised-case = Done within { $days } working days
    .term = 承诺件
glossary-immediate-case = Done on the spot
    .term = 即办件
glossary-accepted = Your application was received and work has started
    .term = 受理
glossary-not-accepted = This cannot be done here; you will be told why
    .term = 不予受理
glossary-supplement = A few more papers are needed from you
    .term = 补正
glossary-finished = It is done
    .term = 办结
glossary-case-number = The number for checking progress
    .term = 办件编号
glossary-department = The office that handles it
    .term = 实施主体
glossary-legal-limit = By law it must be done within { $days } working days
    .term = 法定办结时限
glossary-withdraw = Take the application back; it will not be handled
    .term = 撤回
glossary-evaluation = Rate this service
    .term = 好差评
glossary-rectification = The office will put it right and tell you how
    .term = 整改
glossary-agent = The person acting for you
    .term = 代理人
glossary-one-window = Everything done in one place
    .term = 一窗受理
glossary-revisit = The department asks you how it went
    .term = 回访
