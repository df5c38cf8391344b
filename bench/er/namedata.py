"""Name parts by origin, with a rough frequency order, and a transliteration variant table of the benchmark's own.

The lists are ordered most common first; `population.py` draws from them with a Zipf skew, so many people share
Mohammed, Ahmed or Ali while the tail is thin. The variant table is written for the benchmark, independently of the
comparator's lexicon (`ingest/resolve/data/person.json`), so spellings the comparator does not know show up as misses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """A naming culture: given names, family names, generated-surname suffixes, nationalities, name layout."""

    name: str
    share: float
    given: tuple[str, ...]
    family: tuple[str, ...]
    suffixes: tuple[str, ...]
    nationalities: tuple[str, ...]
    family_first: bool = False  # Vietnamese: Nguyen Van Anh
    father_as_family: bool = False  # Tigrinya: given + father + grandfather, no family name
    kunya_rate: float = 0.0


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ARAB_GIVEN = _split(
    "Mohammed Ahmed Ali Mahmoud Omar Ibrahim Mustafa Hassan Hussein Abdullah Khaled Yusuf Osman Ismail Hamid Said "
    "Saleh Karim Jamal Nasser Adel Tarek Walid Bilal Ayman Abbas Jafar Musa Idris Yunus Yahya Suleiman Ayoub Daoud "
    "Rashid Hashem Qasim Murad Hakim Habib Anas Zakaria Samir Fadi Rami Majid Nabil Faisal Ziad Bassam Hisham "
    "Amjad Firas Ghassan Louay Muhannad Raed Shadi Wael Yasser Abdulrahman Abdulaziz Abdelkader Abdelhamid "
    "Salah Munir Hamza"
)
ARAB_FAMILY = _split(
    "Al-Hassan Al-Ahmad Al-Ali Haddad Khalil Mansour Saleh Ibrahim Al-Khatib Najjar Darwish Hamdan Al-Masri Shaheen "
    "Al-Zoubi Qasim Nasser Youssef Al-Obeidi Al-Jubouri Al-Dulaimi Hamoud Al-Tamimi Al-Shammari Barakat Al-Hamad "
    "Suleiman Awad Al-Sayed Mahmoud Al-Rifai Kanaan Ghanem Al-Halabi Sabbagh Al-Homsi Zaher Jaber Al-Bakri Abu-Shanab"
)
PERSIAN_GIVEN = _split(
    "Mohammad Ali Reza Hossein Mehdi Amir Hamid Morteza Saeed Hassan Javad Majid Abbas Mohsen Masoud Farhad Behzad "
    "Dariush Kourosh Babak Hamed Navid Omid Peyman Ramin Shahram Vahid Yousef Ebrahim Jafar Mostafa Akbar Asghar "
    "Gholam Nasrin Maryam Fatemeh Zahra Leila Parisa Shirin"
)
PERSIAN_FAMILY = _split(
    "Mohammadi Hosseini Ahmadi Rezaei Karimi Hashemi Rahimi Moradi Jafari Sadeghi Ghorbani Mousavi Azizi Kazemi "
    "Heidari Rostami Ebrahimi Najafi Asadi Amini Ahmadinejad Alizadeh Hosseinzadeh Rahmani Bagheri Sharifi Farahani "
    "Tehrani Esfahani Shirazi Mashhadi Nouri Abbasi Soltani Akbari Yazdani"
)
PASHTO_GIVEN = _split(
    "Mohammad Ahmad Abdulhaq Gul Khan Hamid Rahmatullah Habibullah Naqibullah Zabihullah Noorullah Samiullah "
    "Ahmadullah Wahid Jawad Nasir Farid Bashir Zalmay Shafiq Rahim Karim Qadir Aziz Nazir Sher Mir Zia Jamshid "
    "Najib Ajmal Haroon Idrees Mujib Shah Wali Hekmat Rafi Obaidullah Asadullah"
)
PASHTO_FAMILY = _split(
    "Ahmadzai Popalzai Barakzai Achakzai Alizai Noorzai Mohmand Shinwari Khogyani Safi Wardak Stanikzai Sultani "
    "Niazi Yousafzai Afridi Durrani Ghilzai Hotak Kakar Mangal Zadran Jalali Amiri Naseri Haqqani Rahimi Karimi"
)
KURDISH_GIVEN = _split(
    "Mohammed Ahmed Ali Kawa Rebin Shvan Dilshad Azad Aram Karwan Hemin Rawand Sherzad Bakhtiyar Dana Hiwa Zana "
    "Rizgar Sirwan Nawzad Hawkar Soran Ari Barzan Shorsh Serdar Jiyan Goran Rasul Omar Kamal Jalal Salar Hama"
)
KURDISH_FAMILY = _split(
    "Barzani Talabani Hawrami Mohammed Ahmed Rasul Qadir Aziz Kareem Hama Amin Ismail Mustafa Jaff Pishdar Baban "
    "Zebari Doski Mizuri Herki Sorchi Bradosti Surchi Jalal Faraj Saeed Tofiq"
)
TIGRINYA_GIVEN = _split(
    "Yohannes Tesfaye Gebre Haile Tekle Berhane Mehari Dawit Samuel Daniel Tesfay Abraham Filmon Yonas Kidane Amanuel "
    "Habte Mulugeta Goitom Tewelde Fitsum Semere Solomon Michael Tesfalem Biniam Aron Henok Kibrom Medhanie Mussie "
    "Efrem Negassi Weldu Ghirmay Asmerom Teklay Hagos Gebremedhin Gebrehiwet Tsegay Zerai Abrham Senait Helen"
)
TURKISH_GIVEN = _split(
    "Mehmet Ahmet Mustafa Ali Huseyin Hasan Ibrahim Ismail Osman Yusuf Murat Omer Ramazan Halil Suleyman Abdullah "
    "Mahmut Recep Salih Fatih Kadir Emre Hakan Kemal Serkan Burak Yasin Orhan Ercan Volkan Cengiz Erdal"
)
TURKISH_FAMILY = _split(
    "Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin Kara Koc Kurt "
    "Ozkan Simsek Polat Korkmaz Karatas Erdogan Bulut Guler Tekin Aksoy Keskin Unal Coskun Acar Tas Kaplan"
)
ALBANIAN_GIVEN = _split(
    "Arben Artan Besnik Bledar Dritan Ervin Fatmir Gentian Ilir Klodian Luan Mirela Ardit Agron Edmond Fatos Genc "
    "Kujtim Leotrim Mentor Naim Perparim Sokol Valon Xhevdet Ylli Elton Erion Florian Marjan Skender Shkelzen"
)
ALBANIAN_FAMILY = _split(
    "Hoxha Gashi Krasniqi Berisha Shala Morina Kelmendi Hasani Bytyqi Rama Leka Dervishi Kola Cela Marku Prifti "
    "Basha Lika Meta Shehu Zeneli Veseli Halili Musliu Kastrati Osmani Dushku Brahimi Mehmeti Rexhepi"
)
VIET_GIVEN = _split(
    "Anh Minh Hung Dung Tuan Thanh Hai Long Nam Quang Duc Huy Son Phuc Khanh Trung Hieu Cuong Tam Thang Vinh Binh "
    "Hoang Linh Lan Mai Huong Hoa Thuy Trang Ngoc Phuong Dat Kien Loc Toan Bao Tien Quoc"
)
VIET_FAMILY = _split("Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Dinh Truong Mai Cao")
VIET_MIDDLE = _split("Van Thi Duc Minh Quoc Huu Thanh Ngoc Xuan Dinh")

ORIGINS: tuple[Origin, ...] = (
    Origin(
        "arabic",
        0.28,
        ARAB_GIVEN,
        ARAB_FAMILY,
        ("i", "awi", "ani"),
        ("SY", "IQ", "SD", "EG", "LY", "MA", "DZ", "TN", "YE"),
        kunya_rate=0.15,
    ),
    Origin(
        "persian", 0.12, PERSIAN_GIVEN, PERSIAN_FAMILY, ("i", "zadeh", "pour", "nejad", "far", "vand"), ("IR", "AF")
    ),
    Origin("pashto", 0.13, PASHTO_GIVEN, PASHTO_FAMILY, ("zai", "khel", "wal", "i"), ("AF", "PK"), kunya_rate=0.05),
    Origin(
        "kurdish", 0.1, KURDISH_GIVEN, KURDISH_FAMILY, ("i", "ani", "zadeh"), ("IQ", "SY", "TR", "IR"), kunya_rate=0.08
    ),
    Origin("tigrinya", 0.12, TIGRINYA_GIVEN, (), (), ("ER", "ET"), father_as_family=True),
    Origin("turkish", 0.09, TURKISH_GIVEN, TURKISH_FAMILY, ("oglu", "can", "er", "tas", "soy"), ("TR",)),
    Origin("albanian", 0.08, ALBANIAN_GIVEN, ALBANIAN_FAMILY, ("aj", "i", "ku", "llari"), ("AL", "XK")),
    Origin("vietnamese", 0.08, VIET_GIVEN, VIET_FAMILY, (), ("VN",), family_first=True),
)

# Stems for generated (long-tail) family names: stem + an origin's suffix, e.g. Tahiri, Nazarzai, Karagoz-oglu.
STEMS = _split(
    "tahir nazar jalal mansur sharaf rahman qadir latif hamid sabir nasir bashir zahir faraj hilal jabar kamal "
    "salam barak daud yaqub sadiq amin wafa zarif ghafur sattar khalil najm badr fakhr shams qamar nur sarw gol "
    "baz shir dost mast zar lal sang kuh dar bagh deh abad kara ak gok demir tas yel bal kol dere sari sokol drit "
    "bardh zog gur mal fush"
)

# The benchmark's own transliteration variants: each group is one name in several Latin spellings.
VARIANT_GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(g.split("/"))
    for g in (
        "Mohammed/Muhammad/Mohamed/Mohammad/Muhammed/Mohamad/Mohamud",
        "Ahmed/Ahmad/Ahmat",
        "Ali/Aly",
        "Hussein/Husain/Hussain/Hossein/Husein",
        "Hassan/Hasan/Hassen",
        "Yusuf/Youssef/Yousef/Yusef/Yousuf/Yussuf",
        "Omar/Umar",
        "Osman/Othman/Usman/Uthman",
        "Mahmoud/Mahmud/Mahmood",
        "Mustafa/Mostafa/Moustafa/Mustapha",
        "Ibrahim/Ebrahim/Ibraheem",
        "Abdullah/Abdallah/Abdulla",
        "Khaled/Khalid",
        "Suleiman/Sulaiman/Soliman",
        "Jafar/Jaafar/Ja'far",
        "Yahya/Yehia/Yahia",
        "Rashid/Rasheed/Rachid",
        "Qasim/Kasim/Qassem/Kassem",
        "Habib/Habeeb",
        "Walid/Waleed",
        "Saeed/Said/Saeid",
        "Tarek/Tariq/Tarik",
        "Nasser/Naser/Nasir",
        "Abdulrahman/Abdul Rahman/Abdelrahman/Abdurrahman",
        "Abdulaziz/Abdul Aziz/Abdelaziz",
        "Abdelkader/Abdulqadir/Abdul Qadir",
        "Rahmatullah/Rahmatulla/Rahmat Ullah",
        "Habibullah/Habib Ullah/Habibulla",
        "Gholam/Ghulam/Golam",
        "Rasul/Rasool/Resul",
        "Yohannes/Yohanes/Yohannis",
        "Tesfaye/Tesfay/Tesfai",
        "Gebre/Ghebre/Gebrey",
        "Berhane/Berhani/Birhane",
        "Gebremedhin/Ghebremedhin/Gebre Medhin",
        "Tekle/Tecle",
        "Haile/Hailey/Hayle",
        "Zerai/Zeray",
        "Achakzai/Achekzai/Achakzay",
        "Popalzai/Popalzay/Popolzai",
        "Ahmadzai/Ahmedzai",
        "Yousafzai/Yusufzai/Yousufzai",
        "Mohammadi/Mohamadi/Muhammadi",
        "Hosseini/Husseini/Hoseini",
        "Rezaei/Rezai/Rezaee",
        "Krasniqi/Krasniqui",
        "Hoxha/Hodja",
        "Nguyen/Nguyễn/Ngyuen",
        "Tran/Trần",
        "Le/Lê",
        "Pham/Phạm",
        "Hoang/Hoàng",
        "Duc/Đức",
        "Thi/Thị",
        "Van/Văn",
        "Huseyin/Hüseyin",
        "Suleyman/Süleyman",
        "Omer/Ömer",
        "Perparim/Përparim",
        "Ozturk/Öztürk",
        "Celik/Çelik",
        "Sahin/Şahin",
        "Dogan/Doğan",
        "Kawa/Kaawa",
        "Dilshad/Dilshaad",
        "Haqqani/Haqani",
    )
)
