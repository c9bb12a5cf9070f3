# Official terms in plain words. Each message says what the term means for the person; its `.term`
# attribute is the official term it replaces (GB/T 39046 and the platform vocabulary). Screens show
# the plain words, never the term.

glossary-promised-case = 需要{ $days }个工作日办好
    .term = 承诺件
glossary-immediate-case = 当场就能办好
    .term = 即办件
glossary-accepted = 已经收下您的申请，开始办理
    .term = 受理
glossary-not-accepted = 这件事不能在这里办，原因会告诉您
    .term = 不予受理
glossary-supplement = 还需要您补交一些材料
    .term = 补正
glossary-finished = 已经办好了
    .term = 办结
glossary-case-number = 查进度用的编号
    .term = 办件编号
glossary-department = 负责办理的部门
    .term = 实施主体
glossary-legal-limit = 法律规定最晚要在{ $days }个工作日内办好
    .term = 法定办结时限
glossary-withdraw = 把申请要回来，不办了
    .term = 撤回
glossary-evaluation = 给这次办事打分
    .term = 好差评
glossary-rectification = 有关部门会改进，并告诉您结果
    .term = 整改
glossary-agent = 替您办事的人
    .term = 代理人
glossary-one-window = 一个地方就能办完
    .term = 一窗受理
glossary-revisit = 部门回头问问您办得怎么样
    .term = 回访
