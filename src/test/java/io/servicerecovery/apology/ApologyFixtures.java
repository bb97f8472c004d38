package io.servicerecovery.apology;

import java.util.List;

/**
 * One case per supported language: a customer with a late parcel and a good apology for it, built from
 * sentences so that tests can leave one out; plus a second, unrelated case (rude staff) of another customer
 * with its own good apology.
 */
final class ApologyFixtures {

    private ApologyFixtures() {
    }

    /**
     * @param locale           the customer's locale
     * @param name             the customer's full name
     * @param category         the failure category of the case
     * @param description      the failure description of the case, in the customer's language
     * @param greeting         the salutation, naming the customer
     * @param apology          a sentence that apologizes and refers to the failure
     * @param facts            the same facts without an apology
     * @param ownership        a sentence that owns the mistake
     * @param remedy           what the agent does about it
     * @param blame            a sentence that blames the customer
     * @param notBlame         a sentence that starts like a blame phrase but is not one
     * @param shortApology     an apology below the minimum length
     * @param otherName        the customer of the other case
     * @param otherCategory    the failure category of the other case
     * @param otherDescription the failure description of the other case
     * @param otherApology     a good apology for the other case
     */
    record Fixture(String locale, String name, String category, String description, String greeting,
            String apology, String facts, String ownership, String remedy, String blame, String notBlame,
            String shortApology, String otherName, String otherCategory, String otherDescription,
            String otherApology) {

        String good() {
            return String.join(" ", greeting, apology, ownership, remedy);
        }

        String withoutApology() {
            return String.join(" ", greeting, facts, ownership, remedy);
        }

        String withoutOwnership() {
            return String.join(" ", greeting, apology, remedy);
        }

        String firstName() {
            return name.split(" ")[0];
        }

        String otherFirstName() {
            return otherName.split(" ")[0];
        }

        ApologyDraft draft(String message) {
            return new ApologyDraft(locale, name, category, description, message);
        }

        ApologyDraft otherDraft() {
            return new ApologyDraft(locale, otherName, otherCategory, otherDescription, otherApology);
        }

        /** The good apology as another agent would have copied it for their own customer. */
        String copiedForOtherCustomer() {
            return good().replace(firstName(), otherFirstName());
        }

        @Override
        public String toString() {
            return locale;
        }
    }

    static final Fixture EN = new Fixture("en-GB", "Ana Ozola", "LATE_DELIVERY",
            "The parcel arrived two weeks late, after the birthday it was meant for.",
            "Dear Ana,",
            "I am truly sorry that your parcel arrived two weeks late and missed the birthday.",
            "Your parcel arrived two weeks late and missed the birthday.",
            "This was our mistake: we sent it with the slowest courier, and I take full responsibility.",
            "I have refunded the delivery cost and added a 20 EUR credit to your account.",
            "You should have read our terms before ordering.",
            "You should have received it two weeks ago.",
            "Sorry, Ana: our mistake, parcel late.",
            "Tom Berg", "RUDE_STAFF", "The store manager shouted at the customer at the checkout.",
            "Dear Tom, please accept my apology for how our store manager spoke to you at the checkout. Shouting"
                    + " at a customer is never acceptable, it was our failure, and I have talked with him myself."
                    + " I would like to offer you a 15 percent discount on your next visit.");

    static final Fixture SV = new Fixture("sv-SE", "Karin Lindqvist", "LATE_DELIVERY",
            "Paketet kom fram två veckor för sent, efter födelsedagen det var tänkt till.",
            "Hej Karin,",
            "jag ber så mycket om ursäkt för att ditt paket kom två veckor för sent och missade födelsedagen.",
            "ditt paket kom två veckor för sent och missade födelsedagen.",
            "Det var helt och hållet vårt fel: vi skickade det med den långsammaste transportören, och jag tar"
                    + " fullt ansvar för det.",
            "Jag har återbetalat fraktkostnaden och lagt till 200 kronor i tillgodohavande på ditt konto.",
            "Du borde ha läst våra villkor innan du beställde.",
            "Du borde ha fått det för två veckor sedan.",
            "Förlåt Karin, vårt fel: paketet blev försenat.",
            "Erik Sandberg", "RUDE_STAFF", "Butikschefen höjde rösten mot kunden vid kassan.",
            "Hej Erik, förlåt för hur vår butikschef pratade med dig vid kassan. Att höja rösten mot en kund är"
                    + " aldrig acceptabelt, det var vårt misstag, och jag har själv pratat med honom. Jag vill"
                    + " gärna ge dig 15 procents rabatt på ditt nästa köp.");

    static final Fixture DA = new Fixture("da-DK", "Mette Hansen", "LATE_DELIVERY",
            "Pakken kom frem to uger for sent, efter den fødselsdag den var købt til.",
            "Kære Mette,",
            "jeg er virkelig ked af, at din pakke kom to uger for sent og ikke nåede frem til fødselsdagen.",
            "din pakke kom to uger for sent og nåede ikke frem til fødselsdagen.",
            "Det var vores fejl: vi sendte den med den langsomste fragtmand, og jeg tager det fulde ansvar.",
            "Jeg har refunderet fragten og sat 150 kroner ind som tilgodehavende på din konto.",
            "Du burde have læst vores vilkår, før du bestilte.",
            "Du burde have modtaget den for to uger siden.",
            "Undskyld, Mette: vores fejl, pakken blev forsinket.",
            "Lars Nielsen", "RUDE_STAFF", "Butikschefen hævede stemmen over for kunden ved kassen.",
            "Kære Lars, undskyld den måde, vores butikschef talte til dig på ved kassen. Det er aldrig i orden"
                    + " at hæve stemmen over for en kunde, det var vores skyld, og jeg har selv talt med ham."
                    + " Jeg vil gerne give dig 15 procent rabat på dit næste køb.");

    static final Fixture LV = new Fixture("lv-LV", "Ilze Kalniņa", "LATE_DELIVERY",
            "Paka pienāca divas nedēļas par vēlu, jau pēc dzimšanas dienas, kurai tā bija domāta.",
            "Labdien, Ilze!",
            "Mēs no sirds atvainojamies, ka jūsu paka pienāca divas nedēļas par vēlu un nepaspēja uz dzimšanas"
                    + " dienu.",
            "Jūsu paka pienāca divas nedēļas par vēlu un nepaspēja uz dzimšanas dienu.",
            "Tā bija mūsu kļūda: mēs to nosūtījām ar lēnāko kurjeru, un es uzņemos pilnu atbildību.",
            "Esmu atmaksājusi piegādes izmaksas un pievienojusi jūsu kontam 20 eiro kredītu.",
            "Jums vajadzēja izlasīt mūsu noteikumus pirms pasūtīšanas.",
            "Jums vajadzēja to saņemt jau pirms divām nedēļām.",
            "Atvainojiet, Ilze, mūsu kļūda: paka kavējās.",
            "Jānis Bērziņš", "RUDE_STAFF", "Veikala vadītājs kliedza uz klientu pie kases.",
            "Labdien, Jāni! Atvainojiet par to, kā mūsu veikala vadītājs runāja ar jums pie kases. Kliegt uz"
                    + " klientu nekad nav pieņemami, tā bija mūsu vaina, un es pats ar viņu esmu runājis. Vēlos"
                    + " jums piedāvāt 15 procentu atlaidi nākamajam pirkumam.");

    static final Fixture RU = new Fixture("ru-RU", "Анна Смирнова", "LATE_DELIVERY",
            "Посылка пришла на две недели позже, уже после дня рождения, к которому её заказывали.",
            "Уважаемая Анна,",
            "приносим искренние извинения за то, что ваша посылка пришла на две недели позже и не успела ко дню"
                    + " рождения.",
            "ваша посылка пришла на две недели позже и не успела ко дню рождения.",
            "Это наша ошибка: мы отправили её самой медленной курьерской службой, и я беру на себя полную"
                    + " ответственность.",
            "Я вернул стоимость доставки и зачислил на ваш счёт 2000 рублей в качестве компенсации.",
            "Вам следовало внимательно прочитать наши условия перед заказом.",
            "Вы должны были получить её ещё две недели назад.",
            "Анна, извините: наша ошибка, посылка опоздала.",
            "Дмитрий Иванов", "RUDE_STAFF", "Директор магазина накричал на покупателя у кассы.",
            "Здравствуйте, Дмитрий! Простите нас за то, как директор нашего магазина разговаривал с вами у"
                    + " кассы. Повышать голос на покупателя недопустимо, это наша вина, и я лично поговорил с"
                    + " ним. Хочу предложить вам скидку 15 процентов на следующую покупку.");

    static final Fixture TH = new Fixture("th-TH", "สมชาย ใจดี", "LATE_DELIVERY",
            "พัสดุมาถึงช้ากว่ากำหนดสองสัปดาห์ หลังวันเกิดที่ตั้งใจจะให้เป็นของขวัญ",
            "เรียนคุณสมชาย",
            "ดิฉันขอโทษอย่างสุดซึ้งที่พัสดุของคุณมาถึงช้าไปสองสัปดาห์และไม่ทันวันเกิด",
            "พัสดุของคุณมาถึงช้าไปสองสัปดาห์และไม่ทันวันเกิด",
            "นี่เป็นความผิดพลาดของเราเองที่เลือกใช้บริษัทขนส่งที่ช้าที่สุด และดิฉันขอรับผิดชอบเต็มที่",
            "ดิฉันได้คืนค่าจัดส่งและเพิ่มเครดิต 500 บาทเข้าบัญชีของคุณแล้วค่ะ",
            "คุณควรจะอ่านเงื่อนไขของเราก่อนสั่งซื้อ",
            "คุณควรจะได้รับพัสดุตั้งแต่สองสัปดาห์ก่อน",
            "ขอโทษค่ะคุณสมชาย",
            "วิภา ศรีสุข", "RUDE_STAFF", "ผู้จัดการร้านตะโกนใส่ลูกค้าที่หน้าแคชเชียร์",
            "เรียนคุณวิภา ผมขออภัยเป็นอย่างยิ่งที่ผู้จัดการร้านของเราพูดจาไม่สุภาพและตะโกนใส่คุณที่หน้าแคชเชียร์"
                    + " นี่เป็นความบกพร่องของเราเอง ผมได้พูดคุยกับเขาโดยตรงแล้ว"
                    + " และขอมอบส่วนลด 15 เปอร์เซ็นต์สำหรับการซื้อครั้งต่อไปครับ");

    static List<Fixture> all() {
        return List.of(EN, SV, DA, LV, RU, TH);
    }
}
