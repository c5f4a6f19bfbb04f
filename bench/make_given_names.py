"""Regenerate ``search/extract/data/given_names.txt``: the given names that let the extract
stage find a person the text names without a role ("Anne Sacoolas", "Barack Obama").

A development tool, not part of the product (the product reads the text file). Usage::

    pip install faker          # in a scratch virtualenv: the product does not need it
    python bench/make_given_names.py > search/extract/data/given_names.txt

Sources:

- the first-name lists of Faker's person providers (MIT licence), in Latin script only;
- ``SUPPLEMENT`` below, written by hand: the given names of the world's heads of state and
  government, foreign ministers and other figures of diplomatic news that Faker's lists
  lack (Central Asian, Slavic transliterations, Arabic, Persian, African, Japanese ...),
  and romanised East Asian surnames, which come first in "Xi Jinping" and "Kim Jong Un".

Left out: words that are mostly something else when capitalised (months, days, "Will",
"Hope", "Grant", titles such as "King" or "Sultan"), and names of two letters or fewer.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys

SUPPLEMENT = """
Abiy Abdelaziz Abdelmadjid Abdulaziz Abdullahi Abdulla Abdel Abdou Abubakar Adama Akinwumi
Alassane Aleksandar Aleksander Aleksandr Aleksei Alexei Alexey Almazbek Anatoly Andrei Andriy
Anniken Anatoliy Arkady Askar Assim Ayman Azali Baqir Barack Beji Bidzina Bingu Bogdan Borut
Boyko Cheikh Chiang Dmitri Dmitriy Dmitry Dmytro Ebrahim Edgars Egils Emomali Enele Erlan Evo
Faisal Faustin Félix Fumio Gitanas Ghassan Gotabaya Gurbanguly Haitham Hakainde Hamad Hassanal
Hichem Hossein Hun Ilham Irakli Isaias Ismail Ivica Jacinda Javad Jeanine Jusuf Kairat Kaja
Kassym Kassym-Jomart Keir Khalifa Kristalina Kuanysh Lazarus Luiz Mahamadou Mahathir Makhdoom
Maia Marat Mevlüt Mikheil Milo Moammar Moeen Mokgweetsi Moktar Mukhtar Muhammadu
Mustafa Nana Naftali Narendra Nasser Nawaf Nayef Nikol Nursultan Nikos Nizar Olusegun Paschal
Pedro Pradeep Qaboos Rached Rajnath Ramzan Recep Roch Sadyr Salva Sameh Sauli Serdar Sergiy
Shavkat Shehbaz Shinzo Sooronbay Subrahmanyam Sukhbaatar Surangel Taro Tamim Taoufik Tedros
Teodoro Timur Uhuru Ukhnaagiin Uzra Vahagn Valdis Vjosa Volodymyr Vyacheslav Yahya
Yermek Yerlan Yoshihide Yoshimasa Yoweri Yukio Zayed Ziad Zoran Zurab Zhaksylyk Nurlan
Abdulla Abdulatif Hakan Nechirvan Masrour Fuad Ahmad Ahmed Ali Omar Osman Othman Yousef
Youssef Yusuf Hamid Saeed Sayed Khaled Khalid Walid Waleed Bashar Hafez Saad Sami Samir
Tarek Tariq Ibrahim Ismail Hussein Hussain Hasan Hassan Mahmoud Mahmud Mohamed Mohammad
Mohammed Muhammad Abdallah Abdullah Abdulrahman Riyad Riyadh Nabil Nabih Fouad Fawzi Jamal
Kamal Ruhollah Hassan Mohsen Mojtaba Ebrahim Hossein Javad Amir Reza
Mehdi Majid Hamed Karim Rashid Rached Kais Nabih Shaukat Imran Nawaz Asif Bilawal Shehbaz
Ashraf Hamid Ghulam Zalmay Hamdullah Amrullah Jaishankar Subrahmanyam Rajnath Manmohan Atal
Sushma Nirmala Piyush Pranab Mamata Sheikh Hasina Khaleda Ranil Mahinda Gotabaya Maithripala
Jinping Keqiang Qiang Yi Wang Huning Zemin Jintao Ying Wen Ing Chun Jae Suk Yeol Jong Un Il
Sung Hyun Hyundong Jin Takeo Taro Shigeru Toshimitsu Yoshimasa Koichi Kenji Yoko
Hun Manet Sen Prayut Srettha Thaksin Yingluck Paetongtarn Hun Rodrigo Ferdinand Bongbong
Joko Prabowo Retno Anwar Ismail Najib Lee Hsien Loong Lawrence Vivian Aung San Suu Kyi
Min Aung Hlaing Phuc Chinh Vuong Xuan Nguyen Trong Thongloun Sonexay Saleumxay
Cyril Naledi Jacob Thabo Emmerson Robert Hage Hakainde Edgar Lazarus Filipe Samia Mwai
Uhuru William Yoweri Salva Riek Abiy Isaias Hassan Mohamed Ismail Omar Idriss Mahamat
Mahamadou Macky Ousmane Bassirou Alpha Mamadi Assimi Ibrahim Abdourahamane Roch Faustin
Félix Denis Ali Teodoro Paul Nana Bola Muhammadu Goodluck Olusegun Kaïs Abdelmadjid Aziz
Nasser Sameh Abdel Fattah Badr Ayman Bisher Faisal Fuad Volodymyr Dmytro Andriy Denys
Oleksii Oleksiy Vladimir Sergei Sergey Dmitry Mikhail Maria Valentina Nikolai Alexander
Sviatlana Kassym-Jomart Nursultan Mukhtar Murat Shavkat Sadyr Emomali Serdar Gurbanguly
Ilham Jeyhun Nikol Ararat Irakli Ilia Recep Tayyip Mevlüt Hakan Kyriakos Nikos Aleksandar
Ana Milo Edi Vjosa Albin Zoran Dimitar Kiril Rumen Klaus Maia Nicu Viktor Péter Andrzej
Mateusz Zbigniew Radosław Petr Jan Eduard Robert Gitanas Gabrielius Egils Edgars Kaja Urmas
Alar Sauli Sanna Pekka Jonas Anniken Espen Magdalena Ann Tobias Mette Jeppe Lars Katrín
Þórdís Múte Olaf Annalena Frank-Walter Emmanuel Catherine Jean-Yves Mario Giorgia Luigi
Antonio Pedro José António Marcelo Augusto Wopke Alexander Hadja Xavier Leo Micheál Simon
Rishi Liz Boris James Keir David Justin Mélanie Chrystia Andrés Marcelo Alicia Gustavo
Álvaro Luiz Inácio Mauro Jair Carlos Alberto Santiago Gabriel Antonia Guillermo Dina Luis
Nayib Alejandro Xiomara Daniel Rodrigo Laurentino Nicolás Miguel Ariel Luis Andrew Mia
Anthony Penny Scott Marise Jacinda Chris Nanaia Fiame Sitiveni Ratu Kausea Taneti Hilda
David Manasseh James Antonio Tedros Kristalina Ajay Ngozi Jens Josep Ursula Charles
Roberta Rafael Filippo Volker Michelle Hissein Ahmed Jasem Antony Wendy Victoria Uzra Ned
Linda Lloyd Jake Kamala Janet Gina Katherine
"""
# Capitalised, these are mostly words, titles or places, not given names.
EXCLUDED = frozenset(
    """January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Will Hope Faith Grace
    Joy Rose Lily Iris Ivy Daisy Holly Amber Ruby Pearl Crystal Star Sky River Rain Storm
    Dawn Eve Honor Honour Liberty Justice Unity Patience Precious Blessing Gift Happy Lucky
    Sunny Young Long Little Major General Marine King Prince Princess Duke Earl Baron Lord Lady Sir
    Dame Sultan Emir Sheikh Said Saint Santa Santo San Sao Asia Africa America Europe China
    India Jordan Georgia Israel Kenya Chad Lebanon Paris London Sydney Victoria Florida
    Carolina Virginia Dakota Indiana Nevada Austin Houston Dallas Denver Phoenix Orlando
    Vienna Sofia Lima Quito Kiev Kyiv Minsk Cairo Doha Delhi Male Bonn Berlin Milan Florence
    Geneva Brussels Memphis Lincoln Washington Jefferson Madison Jackson Hamilton Franklin
    Roosevelt Kennedy Reagan Obama Trump Biden Grant Frank Earnest Mark Art Guy Man Van Don Do
    Bill Bank Gay Page Ward Wood Hall Hill Lane Field Moon Sun Sea Ocean Love Light Angel
    Royal Summit Forum Union Liberty Independence Freedom Peace Victor Victory Golden Silver
    Ace Ray Rich Case Chase Cash Dean Joe Pat Sue Kay Max Mac Mickey Minnie Donald Gary Hugh
    Prime Premier Chancellor President Minister Secretary Ambassador Director Chief Speaker
    Governor Senator Mayor Judge Commander Admiral Colonel Captain Bishop Pope Cardinal Father
    Sister Brother Mother Doctor Professor Dr Mr Mrs Ms Miss Madam Mister Master Reverend
    Foreign Defense Defence Trade Finance Labour Labor Energy Justice State Interior Home
    Central Eastern Western Northern Southern East West North South Middle Greater New Old
    Great Grand High Upper Lower Saint Holy Sacred United National International Federal
    Royal Imperial Republic Kingdom Arab Islamic Muslim Christian Jewish Catholic Orthodox
    Israeli American British English French German Russian Chinese Japanese Indian Korean
    Ukrainian Turkish Greek Iranian Syrian Afghan Iraqi Saudi Egyptian African European Asian
    Christmas Easter Ramadan Eid Boxing Olympic Olympics Cup League Premier Super Bowl World
    Global Internet Twitter Google Apple Amazon Facebook Microsoft Tesla Boeing Airbus
    Mercedes Toyota Honda Nissan Ford Chevrolet Jaguar Porsche Ferrari Volvo Fiat Audi Mazda
    Reuters Tass Xinhua Kazinform Sputnik Bloomberg Agence Associated Press Wall Street
    Hamas Hezbollah Taliban Hutu Tutsi Kurd Kurds Sunni Shia Shiite Alawite Druze Maronite
    Nobel Pulitzer Oscar Emmy Grammy Tony Golden Globe Booker Media Council
    """.split()
)
_LATIN = re.compile(r"[A-Z][a-zà-öø-ÿāăąćčďđēėęěğīįıķļľłńňōőœřśşšţťūůűųźżžșțə'’-]+")
# East Asian surnames come first ("Xi Jinping", "Kim Jong Un", "Moon Jae-in"): they start a
# name as a given name does in English.
EAST_ASIAN_SURNAMES = """Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin
He Guo Ma Luo Liang Song Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen
Zeng Peng Lu Su Jiang Cai Jia Ding Wei Ye Pan Du Dai Xia Zhong Tian Ren Jiang Fan Fang Shi
Yao Tan Liao Zou Xiong Jin Hao Kong Bai Cui Kang Mao Qiu Qin Gu Hou Shao Meng Long Wan Duan
Lei Qian Tang Yin Yi Chang Wen Kim Park Lee Choi Jung Jeong Kang Cho Yoon Yun Jang Lim Han
Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Shim Noh
Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo
Dang Bui Do Ho Ngo Duong Ly Tsai Lai Hou Tsang Leung Wong Chan Cheung Lau Ng Ho Chow Tse
Abe Suga Motegi Hayashi Kamikawa Hamada Mori Takeo Matsuno Kono Taro""".split()


def faker_names() -> set[str]:
    import faker.providers.person as person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(
            importlib.import_module(f"faker.providers.person.{module.name}"), "Provider", None
        )
        for attribute in dir(provider):
            if attribute.startswith("first_name") or attribute == "first_romanized_names":
                value = getattr(provider, attribute)
                if isinstance(value, dict):
                    value = list(value)
                if isinstance(value, (list, tuple)):
                    names.update(name for name in value if isinstance(name, str))
    return names


def main() -> None:
    names = faker_names() | set(SUPPLEMENT.split()) | set(EAST_ASIAN_SURNAMES)
    kept = sorted(
        name for name in names if _LATIN.fullmatch(name) and len(name) > 2 and name not in EXCLUDED
    )
    kept += sorted(n for n in ("Xi", "Li", "Wu", "Xu", "Hu", "Yu", "Lu", "Ma", "Ye", "Oh", "Ko")
                   if n not in kept)  # fmt: skip
    out = sys.stdout
    out.write("# Given names (and romanised East Asian surnames) that start a person's name.\n")
    out.write("# Generated by bench/make_given_names.py from Faker's first-name lists (MIT)\n")
    out.write("# and a hand-written supplement; see that script. One name per line.\n")
    for name in kept:
        out.write(f"{name}\n")


if __name__ == "__main__":
    main()
