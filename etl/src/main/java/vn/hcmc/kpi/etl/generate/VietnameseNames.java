package vn.hcmc.kpi.etl.generate;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic Vietnamese full names (family name, middle name, given name), family names drawn
 * with roughly their national frequencies (Nguyễn about 38%, Trần 11%, Lê 9.5%, …).
 */
final class VietnameseNames {
  private VietnameseNames() {}

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Vũ",
      "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Tô", "Châu", "Lương", "Tạ"};
  private static final double[] FAMILY_CUM = Rng.cumulative(new double[] {38, 11, 9.5, 7, 4, 2, 4.5, 3, 1.5,
      2, 2, 1.4, 1.3, 1.3, 1, 0.5, 1, 0.6, 0.6, 0.5, 0.3, 0.4, 0.4, 0.2});
  private static final String[] MIDDLE_M = {"Văn", "Văn", "Văn", "Hữu", "Minh", "Quốc", "Thanh", "Đức", "Công",
      "Hoàng", "Ngọc", "Tấn", "Thành", "Xuân", "Anh", "Trung"};
  private static final String[] MIDDLE_F = {"Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Mỹ",
      "Phương", "Bích", "Hồng", "Thùy", "Minh", "Khánh", "Diệu"};
  private static final String[] GIVEN_M = {"Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Phong", "Khoa", "Long", "Hải",
      "Sơn", "Trung", "Hiếu", "Thắng", "Quang", "Bảo", "Huy", "Tâm", "Tài", "Phúc", "Đạt", "Vinh", "Lộc",
      "Thành", "Nghĩa", "Khánh", "Cường", "Hòa", "Tùng", "Kiên", "Nhân", "Thịnh", "Duy", "An", "Toàn"};
  private static final String[] GIVEN_F = {"Lan", "Hương", "Mai", "Hoa", "Linh", "Trang", "Thảo", "Ngân", "Vy",
      "Nhung", "Hằng", "Yến", "Phương", "Diễm", "Thủy", "Oanh", "Hạnh", "Trinh", "Tuyết", "Loan", "Dung", "Uyên",
      "Quyên", "Châu", "Nhi", "Hà", "Thư", "Anh", "Giang", "Huyền", "Nga", "Liên", "Tâm", "Vân"};

  /** A full name not yet in {@code taken} (which it is added to). */
  static String next(SplittableRandom r, boolean female, Set<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String family = FAMILY[Rng.pick(r, FAMILY_CUM)];
      String middle = female ? MIDDLE_F[r.nextInt(MIDDLE_F.length)] : MIDDLE_M[r.nextInt(MIDDLE_M.length)];
      String given = female ? GIVEN_F[r.nextInt(GIVEN_F.length)] : GIVEN_M[r.nextInt(GIVEN_M.length)];
      if (middle.equals(given)) continue;
      String name = family + " " + middle + " " + given;
      if (taken.add(name) || attempt > 50) return name;
    }
  }
}
