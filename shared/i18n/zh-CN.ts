// zh-CN is the first language; terms follow domain.md §11.
export const zhCN = {
  app: { title: '客诉台', subtitle: '门店/网点客户投诉受理', language: '语言', loading: '加载中…' },
  nav: { home: '首页', cases: '投诉列表', newCase: '新建投诉', settings: '设置', signOut: '退出', signedInAs: '当前用户：{{name}}（{{role}}）' },
  actions: {
    save: '保存', signIn: '登录', signOut: '退出', newCase: '新建投诉', cancel: '取消', search: '搜索',
    reset: '清除筛选', retry: '重试', back: '返回列表', add: '添加', startSetup: '完成设置并登录',
  },
  shortcut: { newCase: '快捷键 F2：新建投诉' },
  roles: { manager: '主管', staff: '员工' },
  setup: {
    title: '首次使用设置',
    intro: '请填写本网点信息并创建第一位主管账号。主管可在“设置”中添加员工与部门。',
    branch: '网点信息', branchName: '网点名称', branchCode: '网点编号',
    manager: '第一位主管', managerName: '主管姓名', pin: 'PIN 码（4–8 位数字）', pinConfirm: '再次输入 PIN 码',
  },
  signIn: { title: '员工登录', staff: '员工姓名', pin: 'PIN 码', choose: '请选择' },
  fields: {
    number: '投诉编号', receivedAt: '受理时间', channel: '受理渠道', customerName: '客户姓名', phone: '联系电话',
    customerType: '客户类型', customerStyle: '客户性格', mood: '情绪', department: '涉及部门',
    product: '涉及商品/服务', amount: '涉及金额（¥）', receiptNo: '小票/单号', category: '投诉类别',
    description: '投诉内容', demand: '客户诉求', demandNote: '诉求说明', situations: '紧急情况',
    fault: '责任方', resolvedAtDesk: '现场是否解决', staff: '受理人', status: '状态', caseClass: '一类/二类',
    createdAt: '登记时间', branch: '网点',
  },
  hints: {
    branchCode: '用于投诉编号和报表，如 SH01', customerName: '客户不愿透露可填“匿名”', phone: '手机或座机，如 13812341234、021-12345678',
    amount: '非负数，最多两位小数', description: '尽量用客户自己的话记录', situations: '出现任一情况须立即上报主管',
  },
  options: {
    channel: { counter: '柜台', phone: '电话', email: '邮件', online: '网络/社交媒体', box: '意见箱', other: '其他' },
    customerType: {
      regular: '普通', member: '会员', vip_large_account: 'VIP－大客户', vip_public_figure: 'VIP－社会知名人士',
      vip_government: 'VIP－政府人员', vip_journalist: 'VIP－媒体记者', frequent: '常投诉客户',
    },
    customerStyle: { friendly: '友善型', dominant: '独断型', analytical: '分析型', self_centred: '自我型' },
    mood: { calm: '平静', upset: '不满', angry: '激动' },
    category: {
      product_quality: '产品质量', service_attitude: '服务态度', price_billing: '价格/计费争议', cashier_error: '收银差错',
      after_sales: '售后/退换货', delivery: '配送/交付', usage_difficulty: '使用困难', premises: '环境/设施',
      safety_health: '安全/健康', other: '其他',
    },
    demand: { apology: '道歉', refund: '退款', exchange: '换货', repair: '维修', compensation: '赔偿', explanation: '解释', other: '其他' },
    situations: {
      injury_or_harm: '人身伤害/健康损害', fire_or_hazard: '火灾/安全隐患', crowd_incident: '群体事件',
      media_present: '媒体在场', violence_threat: '暴力威胁', large_loss: '重大经济损失',
    },
    fault: { ours: '我方', customer: '顾客', unclear: '待查' },
    resolvedAtDesk: { pending: '未定', yes: '是', no: '否' },
    status: {
      received: '已受理', in_progress: '处理中', resolved: '已解决', reported: '已报告', followed_up: '已回访',
      closed: '已结案', voided: '已作废',
    },
    caseClass: { '1': '一类投诉', '2': '二类投诉', none: '待分类' },
  },
  intake: {
    title: '受理登记', customer: '受理与客户', complaint: '投诉事项', handling: '现场处理',
    saved: '已保存，投诉编号 {{number}}', invalid: '还有 {{count}} 项需要修改，请查看标红的字段。',
    selectPlaceholder: '请选择', notSet: '未填', noDepartments: '还没有部门，请主管先在“设置”中添加。',
  },
  list: {
    title: '投诉列表', empty: '还没有投诉记录。按 F2 或点击“新建投诉”开始受理。', noMatch: '没有符合条件的投诉。',
    error: '无法读取投诉列表：{{message}}', all: '全部', from: '开始日期', to: '结束日期',
    search: '搜索编号、姓名、电话或投诉内容', total: '共 {{total}} 条', shown: '显示前 {{shown}} 条，共 {{total}} 条',
    sortBy: '按“{{field}}”排序', urgent: '紧急',
  },
  detail: {
    title: '投诉详情', timeline: '处理记录', notFound: '找不到这条投诉。', amountNone: '—', none: '无',
  },
  timeline: { created: '受理登记', 'staff.added': '添加员工', 'department.added': '添加部门' },
  settings: {
    title: '设置', staff: '员工', departments: '部门', addStaff: '添加员工', addDepartment: '添加部门',
    name: '姓名', role: '角色', departmentName: '部门名称', approval: '主管审批',
    approvalHint: '此操作需要主管输入 PIN 码确认。', approver: '审批主管', approverPin: '主管 PIN 码',
    added: '已添加：{{name}}', language: '界面语言',
  },
  validation: {
    required: '此项必填', invalid: '格式不正确', phone: '请输入正确的手机号（11 位）或座机号（区号-号码）',
    amount: '请输入不小于 0 的金额，最多两位小数', pin: 'PIN 码须为 4–8 位数字', pinMismatch: '两次输入的 PIN 码不一致',
    branchCode: '网点编号为 2–16 位字母、数字或“-”', dateTime: '请输入有效的日期和时间', future: '受理时间不能晚于现在',
    choose: '请选择一项', tooLong: '最多 {{n}} 个字',
  },
  errors: {
    VALIDATION: '提交的内容有误，未保存。', UNKNOWN_CHANNEL: '未知的操作。', BAD_SENDER: '请求来源不受信任。',
    UNAUTHENTICATED: '请先登录。', FORBIDDEN: '没有权限执行此操作，需要主管。', WRONG_PIN: 'PIN 码不正确，还可再试 {{left}} 次。',
    WRONG_PIN_LAST: 'PIN 码不正确。', LOCKED: '该账号因多次输错 PIN 码已锁定，请在 {{minutes}} 分钟后再试。',
    NOT_FOUND: '找不到该记录。', CONFLICT: '已完成首次设置。', STORE_UNAVAILABLE: '数据文件不可写入：{{detail}}',
    INTERNAL: '发生内部错误，未保存。请重试或联系管理员。', NETWORK: '无法连接到本机服务：{{detail}}',
    DUPLICATE_STAFF: '已有同名的员工。', DUPLICATE_DEPARTMENT: '已有同名的部门。',
  },
  store: {
    title: '无法使用数据文件', 
    corrupt: '数据文件已损坏，无法读取。为防止数据丢失，应用不会覆盖它，也不会保存任何修改。请联系管理员从备份恢复。文件：{{file}}',
    too_new: '数据文件由更新版本的客诉台创建，当前版本只能读取、不能写入。请升级应用。文件：{{file}}',
    locked: '另一个客诉台窗口正在使用同一数据目录，请关闭它后重试。文件：{{file}}',
  },
}
export type Messages = typeof zhCN
