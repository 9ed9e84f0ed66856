using Dashboard.Core.Alarms;

namespace Dashboard.Simulator.Synthetic;

/// <summary>How often a subcategory comes up within its category, how urgent it usually is, and what callers say.</summary>
internal sealed record AlarmProfile(string Subcategory, double Weight, int Priority, string[] Summaries);

/// <summary>The township 110 catalogue the simulator draws from: every subcategory of <see cref="AlarmCategories"/>.</summary>
internal static class AlarmProfiles
{
    public static readonly IReadOnlyDictionary<string, AlarmProfile[]> ByCategory = new Dictionary<string, AlarmProfile[]>
    {
        [AlarmCategories.Criminal] =
        [
            new("theft.ebike", 30, 3, ["电动车在小区楼下被盗", "停在店门口的电动车被偷", "电瓶车电瓶被盗", "夜里停在路边的电动自行车不见了"]),
            new("theft.vehicle", 5, 3, ["停在路边的轿车被盗", "面包车夜间被开走，疑似被盗", "三轮车被盗"]),
            new("theft.other", 20, 3, ["店内手机被偷", "菜场买菜时钱包被扒", "工地电缆被盗", "家门口快递被人拿走"]),
            new("burglary", 10, 2, ["家中被撬门入室盗窃", "店铺卷帘门被撬，收银台现金被盗", "回家发现窗户被撬，财物丢失"]),
            new("fraud.telecom", 20, 2, ["接到冒充公检法电话，已转账", "网上刷单被骗", "冒充客服退款被骗", "冒充熟人借钱被骗"]),
            new("fraud.other", 5, 3, ["买到假金条被骗", "以招工为名骗取押金", "收到假币"]),
            new("robbery", 3, 1, ["路边被人抢走手机", "骑车时包被飞车抢夺", "夜里被人持刀抢劫"]),
            new("assault.injury", 7, 1, ["被人打伤，头部流血", "酒后被人用酒瓶砸伤", "工友之间打架致一人受伤"]),
        ],
        [AlarmCategories.PublicOrder] =
        [
            new("fight", 20, 1, ["饭店门口有人打架", "几个人在路边斗殴", "网吧内有人打架"]),
            new("gambling", 10, 3, ["棋牌室有人聚众赌博", "村里有人在家中赌博"]),
            new("noise", 35, 4, ["楼上装修噪音扰民", "广场舞音响太吵", "KTV深夜噪音扰民", "邻居深夜大声放音乐"]),
            new("drunk", 20, 3, ["有人醉酒躺在路边", "醉酒男子在店内闹事", "醉汉在马路上拦车"]),
            new("disorder", 15, 2, ["有人在医院闹事", "有人在超市门口滋事", "有人在村委会吵闹"]),
        ],
        [AlarmCategories.Dispute] =
        [
            new("dispute.family", 30, 2, ["夫妻吵架，女方报警", "婆媳矛盾争吵", "兄弟因赡养老人问题争吵", "夫妻因离婚问题发生争执"]),
            new("dispute.domestic_violence", 8, 2, ["妻子报警称被丈夫殴打", "丈夫酒后打骂妻子，邻居听到呼救报警", "女方称长期遭受家暴，今晚再次被打", "老人报警称被儿子推搡殴打"]),
            new("dispute.neighbor", 25, 3, ["邻居因漏水发生纠纷", "邻居因停车位争吵", "邻里因宅基地边界争执", "楼上楼下因噪音吵架"]),
            new("dispute.labor", 10, 3, ["工人讨要工资与老板争执", "工地拖欠工资，工人聚集", "员工被辞退与厂方发生纠纷"]),
            new("dispute.land", 8, 3, ["村民因承包地边界发生争执", "因土地流转费用发生纠纷", "宅基地建房与邻居发生纠纷"]),
            new("dispute.property", 8, 3, ["业主与物业因停车费争吵", "租客与房东因押金发生纠纷", "因房屋漏水与物业争执"]),
            new("dispute.consumer", 8, 4, ["顾客与饭店因账单发生争执", "买到过期食品与店家争吵", "理发店办卡退费纠纷"]),
            new("dispute.traffic", 6, 3, ["两车刮擦，双方争执", "电动车与行人相撞，双方争吵赔偿", "停车挡道引发争吵"]),
            new("dispute.other", 5, 3, ["因借款未还发生争执", "因琐事发生口角", "合伙生意分账发生纠纷"]),
        ],
        [AlarmCategories.Traffic] =
        [
            new("traffic.accident", 65, 2, ["两车追尾，无人受伤", "电动车与轿车相撞，有人受伤", "货车侧翻", "路口两车相撞"]),
            new("traffic.congestion", 15, 4, ["路口堵车严重", "车辆抛锚造成拥堵", "学校门口交通拥堵"]),
            new("traffic.violation", 20, 3, ["有车辆逆行", "车辆乱停挡住消防通道", "疑似酒驾车辆"]),
        ],
        [AlarmCategories.Fire] =
        [
            new("fire.building", 40, 1, ["居民楼有烟冒出", "厂房起火", "厨房着火"]),
            new("fire.vehicle", 30, 1, ["路边车辆自燃", "电动车充电起火"]),
            new("fire.outdoor", 30, 2, ["田里焚烧秸秆", "河边杂草起火", "垃圾堆着火"]),
        ],
        [AlarmCategories.Assistance] =
        [
            new("assistance.lost_person", 20, 2, ["老人走失", "孩子在商场走丢", "智力障碍人员走失"]),
            new("assistance.medical", 25, 1, ["路边有人晕倒", "老人在家中摔倒求助", "有人突发疾病需要帮助"]),
            new("assistance.locked_out", 25, 3, ["钥匙锁在屋里", "老人被反锁在家中", "小孩被锁在车内"]),
            new("assistance.other", 30, 3, ["捡到钱包求助", "有人被困电梯", "手机遗失求助"]),
        ],
        [AlarmCategories.Other] =
        [
            new("other", 1, 4, ["咨询事项", "反映路灯不亮", "反映有流浪狗伤人", "无声电话"]),
        ],
    };

    public static AlarmProfile Find(string subcategory) =>
        ByCategory.Values.SelectMany(p => p).First(p => p.Subcategory == subcategory);
}
